package dev.tracehound.timeline.provenance;

/** Kinds of values that can travel from untrusted content into an action or an answer. */
public enum ArtefactType {
    URL,
    DOMAIN,
    EMAIL,
    FILE_PATH,
    SHELL_COMMAND,
    ACCOUNT_NUMBER,
    CARD_NUMBER,
    IBAN,
    SECRET,
    TOOL_NAME,
    INSTRUCTION
}
