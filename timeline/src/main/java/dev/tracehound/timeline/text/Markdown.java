package dev.tracehound.timeline.text;


/**
 * Escaping for Markdown text built from evidence. Characters that Markdown (CommonMark/GFM) gives meaning are
 * backslash-escaped (line-start markers only at the start), so evidence cannot form links, images
 * ({@code ![](https://attacker.example/...)} would load on view), emphasis, headings, lists or table cells;
 * {@code & < >} become entities so no inline HTML survives; direction controls become a visible marker
 * ({@link BidiControls}), so evidence cannot reorder the rest of a line when the Markdown is read or rendered. A bare
 * URL ({@code https://attacker.example/p.png?d=secret}, {@code www.…}) is set in a code span: GFM viewers turn bare URLs
 * into links whatever is escaped around them, and a code span is the one place they do not.
 */
public final class Markdown {
    /** Characters with meaning anywhere in a line. */
    private static final String SPECIAL = "\\`*_{}[]()!|~";
    /** Characters with meaning only at the start of a line (headings, lists, quotes, setext underlines). */
    private static final String LINE_START = "#+-=>";

    private Markdown() {}

    /** Inline text: one line, safe anywhere including table cells. */
    public static String inline(String s) {
        return escape(s == null ? "" : s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '));
    }

    /** Multi-line text: lines escaped and joined with hard line breaks. */
    public static String block(String s) {
        if (s == null || s.isEmpty()) return "";
        String[] lines = s.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) b.append("  \n");
            b.append(escape(lines[i]));
        }
        return b.toString();
    }

    /** What GFM's autolink extension would link: a scheme it knows, or {@code www.}, up to the next blank or angle bracket. */
    private static final java.util.regex.Pattern BARE_URL = java.util.regex.Pattern.compile("(?i)(?:\\b(?:https?|ftp)://|(?<![\\w.])www\\.)[^\\s<>]*");

    private static String escape(String s) {
        java.util.regex.Matcher url = BARE_URL.matcher(s);
        if (!url.find()) return escapeText(s);
        StringBuilder b = new StringBuilder(s.length() + 32);
        int from = 0;
        do {
            int end = urlEnd(s, url.start(), url.end());
            b.append(escapeText(s.substring(from, url.start()))).append(codeSpan(s.substring(url.start(), end)));
            from = end;
        } while (url.find(from));
        return b.append(escapeText(s.substring(from))).toString();
    }

    /**
     * Where the URL ends as GFM reads it: without trailing punctuation, nor a closing parenthesis it did not open
     * ({@code ![x](https://…/p.png)} keeps its {@code )} outside, escaped like the rest).
     */
    private static int urlEnd(String s, int start, int end) {
        while (end > start) {
            char last = s.charAt(end - 1);
            if (".,:;!?*_~'\"".indexOf(last) >= 0) end--;
            else if (last == ')' && count(s, start, end, ')') > count(s, start, end, '(')) end--;
            else break;
        }
        return end;
    }

    private static long count(String s, int from, int to, char c) {
        return s.substring(from, to).chars().filter(x -> x == c).count();
    }

    /**
     * Text as a code span: fenced by one backtick more than its longest run of them (padded when it starts or ends with
     * one); {@code |} escaped for table cells, which GFM splits before it reads code spans; control characters and
     * direction controls as elsewhere.
     */
    private static String codeSpan(String s) {
        int longest = 0, run = 0;
        StringBuilder body = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
            if (c == '|') body.append("\\|");
            else if (c < 0x20 || c == 0x7F) body.append('\uFFFD');
            else if (BidiControls.isControl(c)) body.append(BidiControls.marker(c));
            else body.append(c);
        }
        String fence = "`".repeat(longest + 1);
        String pad = s.startsWith("`") || s.endsWith("`") ? " " : "";
        return fence + pad + body + pad + fence;
    }

    private static String escapeText(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        int first = 0;
        while (first < s.length() && s.charAt(first) == ' ') first++;
        int digits = first;
        while (digits < s.length() && Character.isDigit(s.charAt(digits))) digits++;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean orderedListMark = digits > first && i == digits && (c == '.' || c == ')');
            if ((i == first && LINE_START.indexOf(c) >= 0) || orderedListMark) b.append('\\').append(c);
            else if (c == '&') b.append("&amp;");
            else if (c == '<') b.append("&lt;");
            else if (c == '>') b.append("&gt;");
            else if (SPECIAL.indexOf(c) >= 0) b.append('\\').append(c);
            else if (c < 0x20 && c != '\t') b.append('\uFFFD');
            else if (BidiControls.isControl(c)) b.append(BidiControls.marker(c));
            else b.append(c);
        }
        // Leading spaces would turn a line into a code block; keep them visible but inert.
        int lead = 0;
        while (lead < b.length() && b.charAt(lead) == ' ') lead++;
        return lead >= 4 ? "&#32;".repeat(lead) + b.substring(lead) : b.toString();
    }
}
