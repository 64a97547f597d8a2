package dev.tracehound.app.format;

/** Short one-line renderings of (hostile, multi-line) evidence text for tables and lists. */
public final class Texts {
    private Texts() {}

    /**
     * Collapses whitespace and control characters to single spaces and cuts to {@code max} characters with an
     * ellipsis, so a record's text can never break a table row or move the terminal cursor.
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
            sb.append(c);
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

    /** The first {@code n} characters of an id, enough to tell ids apart on screen. */
    public static String shortId(String id, int n) {
        if (id == null) return "";
        return id.length() <= n ? id : id.substring(0, n);
    }
}
