package dev.tracehound.timeline.event;

/** What happened. A small closed set, so every view and detector can reason about every source format alike. */
public enum EventKind {
    SESSION,
    SYSTEM_PROMPT,
    USER_MESSAGE,
    MODEL_CALL,
    MODEL_RESPONSE,
    TOOL_CALL,
    TOOL_RESULT,
    TOOL_LISTING,
    RETRIEVAL,
    MEMORY_WRITE,
    AGENT_STEP,
    ERROR,
    NOTE;

    /** Parses a kind case-insensitively; unknown names become {@link #NOTE} so nothing is dropped. */
    public static EventKind parse(String name) {
        if (name == null) return NOTE;
        try {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return NOTE;
        }
    }
}
