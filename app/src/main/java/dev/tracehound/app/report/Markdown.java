package dev.tracehound.app.report;

import dev.tracehound.timeline.text.BidiControls;

/**
 * Escaping for Markdown text built from evidence. Characters that Markdown (CommonMark/GFM) gives meaning are
 * backslash-escaped (line-start markers only at the start), so evidence cannot form links, images
 * ({@code ![](https://attacker.example/...)} would load on view), emphasis, headings, lists or table cells;
 * {@code & < >} become entities so no inline HTML survives; direction controls become a visible marker
 * ({@link BidiControls}), so evidence cannot reorder the rest of a line when the Markdown is read or rendered.
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

    private static String escape(String s) {
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
