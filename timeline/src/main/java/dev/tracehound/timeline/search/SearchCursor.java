package dev.tracehound.timeline.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;

/**
 * A page cursor: the sort values of the last hit (time or score, then ingest sequence), so the next page
 * continues with {@code searchAfter} instead of skipping over all earlier hits.
 */
final class SearchCursor {
    private SearchCursor() {}

    static String encode(SearchSort sort, FieldDoc last) {
        Object first = last.fields[0];
        long seq = (Long) last.fields[1];
        String raw = sort == SearchSort.TIME
                ? "t:" + first + ":" + seq
                : "s:" + Float.floatToIntBits((Float) first) + ":" + seq;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    static FieldDoc decode(SearchSort sort, String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            String[] p = raw.split(":");
            if (p.length != 3) throw new IllegalArgumentException();
            // seq is unique and ascending in both sorts: resuming "after (value, seq + 1)" with doc -1 includes every
            // later hit and excludes the last one shown, independent of (unstable) Lucene doc ids
            long seq = Math.addExact(Long.parseLong(p[2]), 1);
            if (sort == SearchSort.TIME && p[0].equals("t")) {
                return new FieldDoc(-1, Float.NaN, new Object[] {Long.parseLong(p[1]), seq});
            }
            if (sort == SearchSort.SCORE && p[0].equals("s")) {
                float score = Float.intBitsToFloat(Integer.parseInt(p[1]));
                return new FieldDoc(-1, score, new Object[] {score, seq});
            }
        } catch (IllegalArgumentException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("This page cursor does not belong to a " + sort.name().toLowerCase() + "-sorted search; start from the first page");
    }
}
