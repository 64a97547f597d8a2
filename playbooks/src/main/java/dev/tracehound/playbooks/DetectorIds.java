package dev.tracehound.playbooks;

import java.util.List;

/**
 * The detector ids playbooks may name in checks and references. Kept in one place because the detectors are
 * written elsewhere: if an id changes there, only this file changes here.
 */
public final class DetectorIds {
    private DetectorIds() {}

    public static final String INDIRECT_PROMPT_INJECTION = "indirect-prompt-injection";
    public static final String DIRECT_PROMPT_INJECTION = "direct-prompt-injection";
    public static final String TOOL_ABUSE = "tool-abuse";
    public static final String EXFILTRATION_BY_RENDERING = "exfiltration-by-rendering";
    public static final String SYSTEM_PROMPT_LEAKAGE = "system-prompt-leakage";
    public static final String SECRETS_IN_OUTPUT = "secrets-in-output";
    public static final String MCP_TOOL_POISONING = "mcp-tool-poisoning";
    public static final String MCP_RUG_PULL = "mcp-rug-pull";
    public static final String RUNAWAY_LOOP = "runaway-loop";
    public static final String COST_SPIKE = "cost-spike";
    public static final String MODEL_CHANGE = "model-change";

    public static final List<String> ALL = List.of(
            INDIRECT_PROMPT_INJECTION, DIRECT_PROMPT_INJECTION, TOOL_ABUSE, EXFILTRATION_BY_RENDERING,
            SYSTEM_PROMPT_LEAKAGE, SECRETS_IN_OUTPUT, MCP_TOOL_POISONING, MCP_RUG_PULL, RUNAWAY_LOOP, COST_SPIKE,
            MODEL_CHANGE);

    public static boolean isKnown(String id) {
        return ALL.contains(id);
    }
}
