package dev.tracehound.timeline.detect;

/** MITRE ATLAS 5.6.0 technique ids used by the detectors (checked against ../shared/reference/atlas_techniques.tsv). */
public final class Atlas {
    private Atlas() {}

    public static final String PROMPT_INJECTION = "AML.T0051";
    public static final String PROMPT_INJECTION_DIRECT = "AML.T0051.000";
    public static final String PROMPT_INJECTION_INDIRECT = "AML.T0051.001";
    public static final String JAILBREAK = "AML.T0054";
    public static final String PROMPT_OBFUSCATION = "AML.T0068";
    public static final String AGENT_TOOL_INVOCATION = "AML.T0053";
    public static final String EXFIL_VIA_AGENT_TOOL = "AML.T0086";
    public static final String EXFIL_VIA_INFERENCE_API = "AML.T0024";
    public static final String EXFIL_VIA_CYBER_MEANS = "AML.T0025";
    public static final String DATA_DESTRUCTION_VIA_AGENT_TOOL = "AML.T0101";
    public static final String RESPONSE_RENDERING = "AML.T0077";
    public static final String DATA_LEAKAGE = "AML.T0057";
    public static final String UNSECURED_CREDENTIALS = "AML.T0055";
    public static final String EXTRACT_SYSTEM_PROMPT = "AML.T0056";
    public static final String AGENT_TOOL_POISONING = "AML.T0110";
    /** AI Supply Chain Compromise: AI Agent Tool. */
    public static final String AGENT_TOOL_SUPPLY_CHAIN = "AML.T0010.005";
    public static final String POISONED_AGENT_TOOL = "AML.T0011.002";
    public static final String CONTEXT_POISONING = "AML.T0080";
    public static final String CONTEXT_POISONING_MEMORY = "AML.T0080.000";
    public static final String CONTEXT_POISONING_THREAD = "AML.T0080.001";
    public static final String DENIAL_OF_SERVICE = "AML.T0029";
    public static final String COST_HARVESTING = "AML.T0034";
    public static final String AGENTIC_RESOURCE_CONSUMPTION = "AML.T0034.002";
    public static final String MODIFY_AGENT_CONFIGURATION = "AML.T0081";
}
