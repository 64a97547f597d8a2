package dev.tracehound.timeline.text;

/**
 * Escaping for (X)HTML text and attribute values, shared by every HTML and PDF export. Evidence text is hostile:
 * every character with meaning in markup ({@code & < > " '}) becomes an entity, so no input can open a tag or leave
 * an attribute; characters XML cannot carry at all (C0 controls other than tab/newline/return, lone
 * surrogates, U+FFFE, U+FFFF) become U+FFFD, so the document stays well-formed for the PDF renderer; and direction
 * controls become a visible marker ({@link BidiControls}), so no input can reorder the text around it.
 * {@link #isolated} also wraps a value in {@code <bdi>}, for evidence set inline among the report's own words.
 */
public final class Html {
    private Html() {}

    /** The text escaped for an element body or a quoted attribute value; null gives the empty string. */
    public static String escape(String text) {
        if (text == null) return "";
        StringBuilder b = new StringBuilder(text.length() + 16);
        // Code points, not chars: a valid surrogate pair is one code point and kept; a lone surrogate is not.
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (BidiControls.isControl(c)) b.append(BidiControls.marker(c));
                    else b.appendCodePoint(isXmlChar(c) ? c : 0xFFFD);
                }
            }
        });
        return b.toString();
    }

    /**
     * The text escaped and isolated in a {@code <bdi>} element: a value from evidence placed inline among other words
     * (an actor's name, a tag, a note) takes its direction from its own first strong character, and right-to-left
     * letters in it cannot pull the neighbouring words or numbers into their run. Element bodies only.
     */
    public static String isolated(String text) {
        return "<bdi>" + escape(text) + "</bdi>";
    }

    /** The {@code Char} production of XML 1.0. */
    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
