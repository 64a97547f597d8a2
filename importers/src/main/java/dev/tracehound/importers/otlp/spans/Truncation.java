package dev.tracehound.importers.otlp.spans;

import java.util.regex.Pattern;

/**
 * Recognises the marks sources leave where they cut content: Langfuse's server-side IO limit appends
 * {@code "\n...[truncated]"} (packages/shared traces converter), SDKs and plugins write
 * {@code "< truncated 541 characters >"} or {@code "…[truncated 1234 chars]"}, OpenAI Agents tracing
 * {@code "... [truncated]"}.
 */
public final class Truncation {
    private static final Pattern MARKER = Pattern.compile(
            "(\\.\\.\\.\\s?\\[truncated\\]\\s*$)|(<\\s*truncated \\d+ (characters|chars|bytes)\\s*>)|(…\\[truncated( \\d+ (chars|characters|bytes))?\\])",
            Pattern.CASE_INSENSITIVE);

    private Truncation() {}

    public static boolean isMarked(String text) {
        if (text == null || text.length() < 12) return false;
        // Run the pattern only when the word occurs: this is called on every message of every span.
        boolean mentions = text.contains("truncated") || text.contains("Truncated") || text.contains("TRUNCATED");
        return mentions && MARKER.matcher(text).find();
    }
}
