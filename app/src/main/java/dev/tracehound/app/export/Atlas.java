package dev.tracehound.app.export;

/** Links to the public MITRE ATLAS and OWASP pages for the ids findings carry. */
public final class Atlas {
    private Atlas() {}

    /** {@code AML.T0051.001} → https://atlas.mitre.org/techniques/AML.T0051.001 */
    public static String techniqueUrl(String id) {
        return "https://atlas.mitre.org/techniques/" + id;
    }

    /** The OWASP Top 10 for LLM Applications 2025, where ids such as {@code LLM01} are defined. */
    public static String owaspUrl(String id) {
        return "https://genai.owasp.org/llm-top-10/";
    }
}
