package dev.tracehound.importers.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.FileHead;
import java.util.ArrayList;
import java.util.List;

/** Cheap looks at a file head for {@code detect}: never throws. */
public final class HeadSniffer {
    private HeadSniffer() {}

    /**
     * The first complete JSON lines of the file (up to {@code max}); broken lines are skipped. These are the head's
     * {@linkplain FileHead#lines() sketches} when it has them, which reach past the head, else the lines whole within
     * the head's bytes.
     */
    public static List<JsonNode> jsonLines(FileHead head, int max) {
        if (head.lines() != null) return head.lines().subList(0, Math.min(max, head.lines().size()));
        List<JsonNode> out = new ArrayList<>();
        byte[] b = head.bytes();
        int start = 0;
        for (int i = 0; i < b.length && out.size() < max; i++) {
            if (b[i] == '\n') {
                addIfJson(b, start, i - start, out);
                start = i + 1;
            }
        }
        // the last line counts only when the head is the whole file (shorter than the head size)
        if (out.size() < max && start < b.length && b.length < 64 * 1024) addIfJson(b, start, b.length - start, out);
        return out;
    }

    private static void addIfJson(byte[] b, int off, int len, List<JsonNode> out) {
        int s = off;
        while (s < off + len && Character.isWhitespace(b[s])) s++;
        if (s >= off + len || (b[s] != '{' && b[s] != '[')) return;
        try {
            out.add(Json.parse(b, off, len));
        } catch (Exception e) {
            // not a complete JSON line
        }
    }

    /** The head as text with leading whitespace and a BOM removed. */
    public static String text(FileHead head) {
        String t = head.text();
        if (t.startsWith("\uFEFF")) t = t.substring(1);
        return t.stripLeading();
    }

    /** Share of the lines (0..100) for which the test holds; 0 when there are none. */
    public static int percent(List<JsonNode> lines, java.util.function.Predicate<JsonNode> test) {
        if (lines.isEmpty()) return 0;
        long hits = lines.stream().filter(test).count();
        return (int) (hits * 100 / lines.size());
    }
}
