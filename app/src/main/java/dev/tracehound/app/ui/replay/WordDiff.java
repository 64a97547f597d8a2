package dev.tracehound.app.ui.replay;

import java.util.ArrayList;
import java.util.List;

/**
 * A word-level diff of two texts (longest common subsequence over whitespace-separated words), for showing a
 * trial's answer beside the recorded one. Whitespace is kept with the word before it so the rendering reads like
 * the original text. Very long texts are not aligned (the table would need too much memory): they come back as
 * one removal and one addition.
 */
public final class WordDiff {
    /** Cells of the LCS table above which the texts are shown as wholly replaced. */
    static final long MAX_CELLS = 4_000_000;

    public enum Kind { SAME, REMOVED, ADDED }

    /** A run of words: unchanged, only in the original, or only in the trial. */
    public record Segment(Kind kind, String text) {}

    private WordDiff() {}

    public static List<Segment> diff(String original, String trial) {
        List<String> a = words(original == null ? "" : original);
        List<String> b = words(trial == null ? "" : trial);
        List<Segment> out = new ArrayList<>();
        if ((long) a.size() * b.size() > MAX_CELLS) {
            add(out, Kind.REMOVED, String.join("", a));
            add(out, Kind.ADDED, String.join("", b));
            return out;
        }
        int n = a.size(), m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--)
            for (int j = m - 1; j >= 0; j--)
                lcs[i][j] = same(a.get(i), b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        int i = 0, j = 0;
        while (i < n && j < m) {
            if (same(a.get(i), b.get(j))) {
                add(out, Kind.SAME, b.get(j));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                add(out, Kind.REMOVED, a.get(i++));
            } else {
                add(out, Kind.ADDED, b.get(j++));
            }
        }
        while (i < n) add(out, Kind.REMOVED, a.get(i++));
        while (j < m) add(out, Kind.ADDED, b.get(j++));
        return out;
    }

    /** Words with their trailing whitespace, so joining them gives the text back. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        int start = 0, i = 0;
        while (i < s.length()) {
            while (i < s.length() && !Character.isWhitespace(s.charAt(i))) i++;
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
            out.add(s.substring(start, i));
            start = i;
        }
        return out;
    }

    /** Words compare without their trailing whitespace: a reflowed line is not a change. */
    private static boolean same(String x, String y) {
        return x.strip().equals(y.strip());
    }

    private static void add(List<Segment> out, Kind kind, String text) {
        if (text.isEmpty()) return;
        if (!out.isEmpty() && out.getLast().kind() == kind) {
            out.set(out.size() - 1, new Segment(kind, out.getLast().text() + text));
        } else {
            out.add(new Segment(kind, text));
        }
    }
}
