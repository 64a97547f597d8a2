package dev.tracehound.app.report;

/**
 * Escaping for XHTML text and attribute values. Evidence text is hostile: every character with meaning in markup is
 * escaped, and characters XML cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD,
 * so the document stays well-formed for the PDF renderer and no input can open a tag.
 */
public final class Xml {
    private Xml() {}

    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (allowed(c)) {
                        b.append(c);
                    } else {
                        b.append('\uFFFD');
                    }
                }
            }
        }
        return b.toString();
    }

    private static boolean allowed(char c) {
        if (c == '\t' || c == '\n' || c == '\r') return true;
        if (c < 0x20) return false;
        if (Character.isSurrogate(c)) return false;
        return c != '\uFFFE' && c != '\uFFFF';
    }
}
