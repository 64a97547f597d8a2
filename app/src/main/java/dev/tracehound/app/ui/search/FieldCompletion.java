package dev.tracehound.app.ui.search;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Completes the field name being typed at the end of a query: {@code kind:X AND to} offers {@code tool:}. */
public final class FieldCompletion {
    private FieldCompletion() {}

    /** Suggestions ({@code field:}) for the last word, empty when the last word is not the start of a field name. */
    public static List<String> suggest(String text, Collection<String> fieldNames) {
        String word = lastWord(text);
        if (word.isEmpty() || word.contains(":") || word.startsWith("\"")) return List.of();
        String w = word.toLowerCase(Locale.ROOT).replaceFirst("^[+\\-(]+", "");
        if (w.isEmpty()) return List.of();
        return fieldNames.stream().filter(f -> f.toLowerCase(Locale.ROOT).startsWith(w) && !f.equalsIgnoreCase(w))
                .sorted().map(f -> f + ":").toList();
    }

    /** Replaces the last word with the chosen completion, keeping a leading {@code +}, {@code -} or {@code (}. */
    public static String apply(String text, String completion) {
        String word = lastWord(text);
        String prefix = word.replaceFirst("^([+\\-(]*).*$", "$1");
        return text.substring(0, text.length() - word.length()) + prefix + completion;
    }

    static String lastWord(String text) {
        if (text == null) return "";
        int i = text.length();
        while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) i--;
        return text.substring(i);
    }
}
