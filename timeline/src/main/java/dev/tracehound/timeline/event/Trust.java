package dev.tracehound.timeline.event;

/**
 * Where a piece of content came from. Provenance and taint analysis rest on it: content from an
 * untrusted origin that later steers a tool call is what an injection looks like.
 */
public enum Trust {
    SYSTEM(true),
    USER(true),
    MODEL(false),
    TOOL_OUTPUT(false),
    RETRIEVED_DOCUMENT(false),
    WEB(false),
    MEMORY(false),
    TOOL_DESCRIPTION(false),
    UNKNOWN(false);

    private final boolean principal;

    Trust(boolean principal) {
        this.principal = principal;
    }

    /** True for origins that speak for the deployer or the user; everything else is data, not instructions. */
    public boolean isPrincipal() {
        return principal;
    }

    /** True where third parties can write the content: the carriers of indirect prompt injection. */
    public boolean isUntrusted() {
        return this == TOOL_OUTPUT || this == RETRIEVED_DOCUMENT || this == WEB || this == MEMORY || this == TOOL_DESCRIPTION;
    }

    public static Trust parse(String name) {
        if (name == null) return UNKNOWN;
        try {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
