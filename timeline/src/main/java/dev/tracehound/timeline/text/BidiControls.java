package dev.tracehound.timeline.text;

import java.util.Locale;

/**
 * The Unicode controls that change the direction of the text after them: embeddings and overrides (U+202A-U+202E:
 * LRE, RLE, PDF, LRO, RLO) and isolates (U+2066-U+2069: LRI, RLI, FSI, PDI). Left unbalanced in evidence, an override
 * reverses everything after it to the end of the paragraph, the report's own words included ("Trojan Source",
 * CVE-2021-42574). Every report and checklist output replaces them with a visible marker naming the code point, so a
 * reader sees that the evidence holds one and nothing it holds can reorder text around it.
 *
 * <p>The marks LRM, RLM and ALM (U+200E, U+200F, U+061C) are left as they are: they open no embedding, affect only the
 * characters next to them, and are common in genuine right-to-left text.
 */
public final class BidiControls {
    private BidiControls() {}

    /** Whether {@code cp} is an embedding, override or isolate control. */
    public static boolean isControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** The visible stand-in for a control, such as {@code ⟨U+202E⟩}. */
    public static String marker(int cp) {
        return "\u27E8U+" + String.format(Locale.ROOT, "%04X", cp) + "\u27E9";
    }

    /** The text with every control replaced by its {@link #marker}; null stays null. */
    public static String mark(String text) {
        if (text == null) return null;
        int i = 0;
        while (i < text.length() && !isControl(text.charAt(i))) i++; // every control is in the BMP
        if (i == text.length()) return text;
        StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) b.append(marker(c));
            else b.append(c);
        }
        return b.toString();
    }
}
