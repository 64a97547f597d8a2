package dev.tracehound.app.report;

import dev.tracehound.timeline.text.Html;
import java.util.regex.Pattern;

/**
 * Escapes text for the report and keeps the tokens a reader must take in as one piece on one line: ISO-8601 times,
 * and hex digests (SHA-256 hashes, event ids). The PDF renderer would otherwise break them at their punctuation, or
 * anywhere at the end of a line ("2026-11-23T10:15:" / "02Z"), which makes an audit trail hard to read and compare.
 *
 * <p>A token kept whole widens the column it stands in to its own width. A time (at most 30 characters) fits any
 * column the report has; a digest (up to 64 hex digits) only a row across the table, so digests are kept whole only
 * where the caller knows there is that room. A hex run longer than a digest is left breakable, as it may be longer
 * than a line.
 */
final class UnbrokenTokens {
    private static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:\\d{2})?";
    private static final String DIGEST = "(?<![0-9A-Za-z])[0-9a-fA-F]{32,64}(?![0-9A-Za-z])";
    private static final Pattern TIMES = Pattern.compile(TIME);
    private static final Pattern TIMES_AND_DIGESTS = Pattern.compile(TIME + "|" + DIGEST);

    private UnbrokenTokens() {}

    /** The text escaped for an element body, each time in it kept on one line. */
    static String times(String text) {
        return keepWhole(TIMES, text);
    }

    /** The text escaped for an element body, each time and hex digest in it kept on one line: for rows across a table. */
    static String timesAndDigests(String text) {
        return keepWhole(TIMES_AND_DIGESTS, text);
    }

    private static String keepWhole(Pattern tokens, String text) {
        // Matched on the escaped text: the tokens hold no character escaping changes, and no entity looks like one.
        return tokens.matcher(Html.escape(text)).replaceAll("<span class=\"nowrap\">$0</span>");
    }
}
