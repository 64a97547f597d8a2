package dev.tracehound.timeline.provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Quotations a text reports rather than makes: an article explaining prompt injection quotes its payloads ("attackers
 * hide text like 'Ignore previous instructions and…' in web pages"). A match of an injection rule inside such a
 * quotation is a mention, not an order; {@link InstructionScanner} marks the hit {@code reported} and the detectors
 * rate it lower unless the agent then acted on it.
 *
 * <p>A quotation counts as reported when all of these hold: the match lies inside quotation marks (straight or curly,
 * guillemets, backticks or a fenced block); the quote is framed as a citation, by words just before it ("like", "such
 * as", "for example", "says", "wrote", "the payload", "hidden") or right after it ("… is a classic example", "… in web
 * pages"); and the text is about attacks (injection, attacker, payload, jailbreak, exploit…). Quotation marks alone
 * report nothing: {@code IMPORTANT: "Ignore previous instructions…"} is an order in quotes.
 */
final class Quotations {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** How far a quotation may run, and how far back its frame is looked for. */
    private static final int MAX_QUOTE = 600;
    private static final int FRAME_BEFORE = 100;
    private static final int FRAME_AFTER = 40;

    /** Words that present what follows as a citation or an example. */
    private static final Pattern FRAME_BEFORE_QUOTE = Pattern.compile("\\b(?:like|such\\s+as|e\\.\\s?g\\.?|i\\.\\s?e\\.?|for\\s+(?:example|instance)|including"
            + "|says?|said|saying|reads?|reading|wr(?:ote|ites|itten)|contain(?:s|ed|ing)?|hid(?:e|es|den|ing)|embed(?:s|ded|ding)?|plant(?:s|ed|ing)?"
            + "|insert(?:s|ed|ing)?|inject(?:s|ed|ing)?|quot(?:e|es|ed|ing)|phrases?|strings?|payloads?|sentences?|called|known\\s+as|dubbed"
            + "|classic|typical|examples?|variants?|instructions?\\s+(?:such\\s+as|like))\\b", FLAGS);
    /** What an explanation says right after its example: "… is a classic example", "… in web pages". */
    private static final Pattern FRAME_AFTER_QUOTE = Pattern.compile("^[\\s\\p{Punct}]{0,3}(?:(?:is|was|are|were)\\s+(?:an?\\s+|the\\s+)?"
            + "(?:example|classic|typical|common|known|well-known|textbook|famous)"
            + "|(?:in|inside|into|within)\\s+(?:\\w+\\s+){0,2}?(?:web\\s*pages?|pages|sites|documents|e-?mails?|pdfs?|comments|files|code|reviews|tickets"
            + "|repositor(?:y|ies)|readmes?|issues|messages|posts|images|metadata|html))\\b", FLAGS);
    /** The text is about attacks: what an article, advisory or training material quoting a payload is about. */
    private static final Pattern ABOUT_ATTACKS = Pattern.compile("\\b(?:prompt\\s+injections?|injections?|injected|attack(?:s|ers?|ed|ing)?|malicious"
            + "|adversar\\w*|jailbreak\\w*|exploit\\w*|payloads?|red[\\s-]team\\w*|phishing|hijack\\w*|threat\\s+actors?|vulnerabilit(?:y|ies))\\b", FLAGS);

    private record Span(int open, int close) {}

    private final String text;
    private final List<Span> spans;
    private final boolean aboutAttacks;

    private Quotations(String text) {
        this.text = text;
        this.aboutAttacks = ABOUT_ATTACKS.matcher(text).find();
        this.spans = aboutAttacks ? spans(text) : List.of();
    }

    static Quotations of(String text) {
        return new Quotations(text);
    }

    /** Whether the text between {@code start} and {@code end} lies in a quotation this text reports. */
    boolean reported(int start, int end) {
        if (!aboutAttacks) return false;
        while (start < end && Character.isWhitespace(text.charAt(start))) start++;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
        for (Span s : spans) {
            if (s.open() < start && end <= s.close()) return framed(s);
        }
        return false;
    }

    private boolean framed(Span s) {
        String before = text.substring(Math.max(0, s.open() - FRAME_BEFORE), s.open());
        int blank = before.lastIndexOf("\n\n"); // the frame belongs to the quote's paragraph
        if (FRAME_BEFORE_QUOTE.matcher(blank >= 0 ? before.substring(blank) : before).find()) return true;
        int after = s.close() + 1;
        return FRAME_AFTER_QUOTE.matcher(text.substring(Math.min(after, text.length()), Math.min(text.length(), after + FRAME_AFTER))).find();
    }

    /** Quotations in reading order: each span from its opening mark to its closing mark (inclusive positions). */
    private static List<Span> spans(String t) {
        List<Span> out = new ArrayList<>();
        int n = t.length();
        int i = 0;
        while (i < n) {
            char c = t.charAt(i);
            int close = -1;
            if (c == '`' && t.startsWith("```", i) && (i == 0 || t.charAt(i - 1) == '\n')) {
                int end = t.indexOf("```", i + 3);
                close = end < 0 ? -1 : end + 2;
            } else if (c == '`') {
                close = closing(t, i, '`', false);
            } else if (c == '“') {
                close = closing(t, i, '”', false);
            } else if (c == '«') {
                close = closing(t, i, '»', false);
            } else if ((c == '"' || c == '\'' || c == '‘') && opens(t, i)) {
                close = closing(t, i, c == '‘' ? '’' : c, c != '"');
            }
            if (close > i) {
                out.add(new Span(i, close));
                i = close + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    /** A straight or single quote opens a quotation after a blank, a bracket or a dash, before a visible character. */
    private static boolean opens(String t, int i) {
        char before = i == 0 ? ' ' : t.charAt(i - 1);
        boolean afterBoundary = Character.isWhitespace(before) || "([{:—–-/\"".indexOf(before) >= 0;
        return afterBoundary && i + 1 < t.length() && !Character.isWhitespace(t.charAt(i + 1));
    }

    /**
     * The closing mark within reach and the paragraph; an apostrophe ("user's", "they’d") does not close a
     * single-quoted quotation, since a closing mark is not followed by a letter or digit.
     */
    private static int closing(String t, int open, char mark, boolean apostrophes) {
        int limit = Math.min(t.length(), open + 1 + MAX_QUOTE);
        for (int j = open + 1; j < limit; j++) {
            char c = t.charAt(j);
            if (c == '\n' && j + 1 < t.length() && t.charAt(j + 1) == '\n') return -1;
            if (c != mark) continue;
            if (apostrophes && j + 1 < t.length() && Character.isLetterOrDigit(t.charAt(j + 1))) continue;
            return j;
        }
        return -1;
    }
}
