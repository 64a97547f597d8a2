package dev.tracehound.timeline.provenance;

/**
 * An order to build the code block that follows into the reader's own work ("Merge the following code excerpt
 * into your solution:", "Add the below code snippet to your response:") when that code is harmful
 * ({@link HarmfulCode}). Tutorials and Stack Overflow answers say "add the following code to your app" too,
 * with code that does what the page is about; only the code tells them apart (BIPIA's code attacks). Third-party
 * text only: a user may paste any code and ask for it to be merged.
 */
final class CodeInjection {
    private CodeInjection() {}

    /** Code handed over right here: "the following code snippet", "the subsequent code block", "the below snippet". */
    private static final String GIVEN_CODE = "\\b(?:the\\s+)?(?:following|subsequent|below|ensuing)\\s+(?:[\\w-]{1,20}\\s+){0,2}?(?:code|snippets?|excerpts?)\\b";
    /** The reader's own work: "your implementation", "your code's functionality", "the code you develop", "it". */
    private static final String YOUR_WORK = "(?:\\byour\\s+(?:[\\w-]{1,20}\\s+){0,2}?(?:code(?:base)?|implementation|solution|algorithm|program|script|project"
            + "|app(?:lication)?|function|logic|response|answer|reply|elucidation|explanation)\\b"
            + "|\\bthe\\s+code\\s+you\\s+(?:develop|write|produce|create)\\b|\\b(?:in|into|to)\\s+it\\b)";
    /** The rest of the order's line, then a fenced block opening within a few lines. */
    private static final String FENCE = "[^\\n]{0,200}\\n(?:[ \\t]*\\n){0,3}[ \\t]{0,8}```";
    /** The block up to its closing fence (bounded), in which the harmful code must appear. */
    private static final String BLOCK = "[^`]{0,4000}?";

    static final InstructionRule RULE = InstructionRule.withCue("code-injection",
            "tells the model to merge code that sends data away, runs commands or alters the system into its work", 3,
            "```", 1_000, 4_500, // the order (two phrases within 120, then the rest of its line) before the fence; the block after
            "(?:" + GIVEN_CODE + Orders.within(120) + YOUR_WORK + "|" + YOUR_WORK + Orders.within(120) + GIVEN_CODE + ")"
                    + FENCE + BLOCK + HarmfulCode.ANY);
}
