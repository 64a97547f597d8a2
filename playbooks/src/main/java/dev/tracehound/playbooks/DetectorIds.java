package dev.tracehound.playbooks;

import java.util.List;
import java.util.Map;
import java.util.Set;

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
    /** Forged assistant turns or recalled "memories" that instruct the agent (reported by the analysis branch). */
    public static final String CONTEXT_POISONING = "context-poisoning";

    public static final List<String> ALL = List.of(
            INDIRECT_PROMPT_INJECTION, DIRECT_PROMPT_INJECTION, TOOL_ABUSE, EXFILTRATION_BY_RENDERING,
            SYSTEM_PROMPT_LEAKAGE, SECRETS_IN_OUTPUT, MCP_TOOL_POISONING, MCP_RUG_PULL, RUNAWAY_LOOP, COST_SPIKE,
            MODEL_CHANGE, CONTEXT_POISONING);

    /**
     * Ids the detectors of branch th/analysis report today, and the ids above each one stands for. Findings are
     * matched through this table, so playbooks work with either naming; drop an entry once the names agree.
     */
    static final Map<String, Set<String>> REPORTED_AS = Map.of(
            "render-exfiltration", Set.of(EXFILTRATION_BY_RENDERING),
            "system-prompt-leak", Set.of(SYSTEM_PROMPT_LEAKAGE),
            "sensitive-data", Set.of(SECRETS_IN_OUTPUT),
            "tool-poisoning", Set.of(MCP_TOOL_POISONING, MCP_RUG_PULL),
            "runaway-consumption", Set.of(RUNAWAY_LOOP, COST_SPIKE),
            "configuration-change", Set.of(MODEL_CHANGE));

    public static boolean isKnown(String id) {
        return ALL.contains(id);
    }

    /** Whether a finding reported by detector {@code reported} counts as a finding of {@code playbookId}. */
    public static boolean matches(String playbookId, String reported) {
        if (playbookId == null || reported == null) return false;
        return playbookId.equals(reported) || REPORTED_AS.getOrDefault(reported, Set.of()).contains(playbookId);
    }
}
