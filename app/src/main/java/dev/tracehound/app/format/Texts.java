package dev.tracehound.app.format;

import dev.tracehound.timeline.text.BidiControls;

/** Short one-line renderings of (hostile, multi-line) evidence text for tables and lists. */
public final class Texts {
    private Texts() {}

    /**
     * Collapses whitespace and control characters to single spaces, shows direction controls as visible markers
     * ({@link BidiControls}: an override would make a terminal print {@code invoice_\u202Egpj.exe} as
     * {@code invoice_exe.jpg}) and cuts to {@code max} characters with an ellipsis, so a record's text can never break
     * a table row, move the terminal cursor or reorder what a terminal shows.
     */
    public static String oneLine(String text, int max) {
        if (text == null) return "";
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max + 1));
        boolean space = false;
        for (int i = 0; i < text.length() && sb.length() <= max; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            if (BidiControls.isControl(c)) sb.append(BidiControls.marker(c));
            else sb.append(c);
        }
        if (sb.length() > max) {
            sb.setLength(Math.max(0, max - 1));
            sb.append('…');
        }
        return sb.toString();
    }

    public static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The first {@code n} characters of an id, enough to tell ids apart on screen (made one safe line first: ids are evidence too). */
    public static String shortId(String id, int n) {
        if (id == null) return "";
        String line = oneLine(id, Integer.MAX_VALUE - 1);
        return line.length() <= n ? line : line.substring(0, n);
    }
}
