package dev.tracehound.app.report;

import dev.tracehound.timeline.text.Html;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escapes text for the report and keeps the tokens a reader must take in as one piece on one line: ISO-8601 times,
 * ids shaped like UUIDs, and hex digests (SHA-256 hashes, event ids). The PDF renderer would otherwise break them at
 * their punctuation, or anywhere at the end of a line ("2026-11-23T10:15:" / "02Z", "88a8d761-7b9a-4bf1-a8ca-" /
 * "c1febe6bf358"), which makes an audit trail hard to read and an id impossible to search for or compare.
 *
 * <p>A token kept whole widens the column it stands in to its own width. A time (at most 30 characters) fits any
 * column the report has; an id (up to {@value #MAX_ID} characters) only a column of about half the page, a line of
 * its own or a row across a table; a digest (up to 64 hex digits) only a row across the table. So ids and digests are
 * kept whole only where the caller knows there is that room, and the report gives every field that holds ids (case,
 * session, run and event ids, file names) such a place. A hex run longer than a digest is left breakable, as it may be
 * longer than a line.
 *
 * <p>An id is a run of hex groups joined by hyphens, as a UUID ({@code 3f2c1a9e-7b4d-4e2a-9c1f-0a8b7c6d5e4f}, either
 * case) or any other id of that shape (three to eight groups of 4 to 12 hex digits, with at least one digit), together
 * with what is glued to it without a space ({@code chat_…}, {@code …:e1c84ba5}, {@code run-…}, {@code ….jsonl}) while
 * the whole stays within {@value #MAX_ID} characters; past that only the hex groups are kept whole. Prose has no such
 * runs, so it wraps as before.
 */
final class UnbrokenTokens {
    /** The longest id kept whole with what is glued to it: a UUID (36) with a short prefix or suffix. */
    static final int MAX_ID = 48;

    private static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:\\d{2})?";
    private static final String DIGEST = "(?<![0-9A-Za-z])[0-9a-fA-F]{32,64}(?![0-9A-Za-z])";
    /**
     * The longest run of hex groups an id can be (8 groups of 12 and their hyphens). The look-ahead for a digit stops
     * there: unbounded, it scanned the rest of a hex-and-hyphen run from every position, and 50,000 characters of
     * "1-1-1-…" in evidence took 8 s.
     */
    private static final int MAX_CORE = 8 * 12 + 7;
    /** Characters an id may have glued to its hex groups: none of them is a space, or in an entity escaping made. */
    private static final String GLUE = "[A-Za-z0-9_.:-]";
    private static final String ID = "(?<!" + GLUE + ")" + GLUE + "*?"
            + "(?<core>(?<![0-9a-fA-F])(?=[0-9a-fA-F-]{0," + (MAX_CORE - 1) + "}[0-9])[0-9a-fA-F]{4,12}(?:-[0-9a-fA-F]{4,12}){2,7}(?![0-9a-fA-F]))" + GLUE + "*";
    private static final Pattern TIMES = Pattern.compile(TIME);
    private static final Pattern TIMES_AND_IDS = Pattern.compile("(?<time>" + TIME + ")|(?<id>" + ID + ")");
    private static final Pattern TIMES_IDS_AND_DIGESTS = Pattern.compile("(?<time>" + TIME + ")|(?<id>" + ID + ")|(?<digest>" + DIGEST + ")");
    private static final String WHOLE = "<span class=\"nowrap\">";

    private UnbrokenTokens() {}

    /** The text escaped for an element body, each time in it kept on one line: for any column. */
    static String times(String text) {
        return TIMES.matcher(Html.escape(text)).replaceAll(WHOLE + "$0</span>");
    }

    /** The text escaped for an element body, each time and id in it kept on one line: for lines and wide columns. */
    static String timesAndIds(String text) {
        return keepWhole(TIMES_AND_IDS, text);
    }

    /** The text escaped for an element body, each time, id and hex digest in it kept on one line: for rows across a table. */
    static String timesAndDigests(String text) {
        return keepWhole(TIMES_IDS_AND_DIGESTS, text);
    }

    private static String keepWhole(Pattern tokens, String text) {
        // Matched on the escaped text: the tokens hold no character escaping changes, and no entity looks like one.
        return tokens.matcher(Html.escape(text)).replaceAll(m -> Matcher.quoteReplacement(whole(m)));
    }

    private static String whole(MatchResult m) {
        String token = m.group();
        if (m.start("id") < 0 || token.length() <= MAX_ID) return WHOLE + token + "</span>";
        // an over-long run with an id in it: the id stays whole, what is glued to it may break
        int from = m.start("core") - m.start(), to = m.end("core") - m.start();
        if (to - from > MAX_ID) return token;
        return token.substring(0, from) + WHOLE + token.substring(from, to) + "</span>" + token.substring(to);
    }
}
