package dev.tracehound.replay.compare;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Text similarity between a replayed answer and the recorded one. Token Jaccard (lower-cased word sets) is the
 * criterion: it ignores word order and small rewordings, which sampling produces. Normalised Levenshtein is also
 * reported for close-reading; it is computed on at most {@link #LEVENSHTEIN_LIMIT} characters to stay cheap.
 */
public final class TextSimilarity {
    public static final int LEVENSHTEIN_LIMIT = 4000;

    private TextSimilarity() {}

    public static double jaccard(String a, String b) {
        Set<String> x = tokens(a);
        Set<String> y = tokens(b);
        if (x.isEmpty() && y.isEmpty()) return 1.0;
        Set<String> inter = new HashSet<>(x);
        inter.retainAll(y);
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        return (double) inter.size() / union.size();
    }

    static Set<String> tokens(String s) {
        Set<String> out = new HashSet<>();
        if (s == null) return out;
        for (String t : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) if (!t.isEmpty()) out.add(t);
        return out;
    }

    /** 1 − edit distance / longer length; 1.0 for two empty strings. */
    public static double levenshtein(String a, String b) {
        a = a == null ? "" : a.substring(0, Math.min(a.length(), LEVENSHTEIN_LIMIT));
        b = b == null ? "" : b.substring(0, Math.min(b.length(), LEVENSHTEIN_LIMIT));
        int max = Math.max(a.length(), b.length());
        if (max == 0) return 1.0;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return 1.0 - (double) prev[b.length()] / max;
    }
}
