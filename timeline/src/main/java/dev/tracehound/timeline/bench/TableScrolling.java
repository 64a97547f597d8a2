package dev.tracehound.timeline.bench;

import dev.tracehound.timeline.search.SearchPage;
import dev.tracehound.timeline.search.SearchRequest;
import dev.tracehound.timeline.search.SearchSort;
import dev.tracehound.timeline.store.Case;
import java.util.Map;
import java.util.Random;

/**
 * Measures what the workbench's event table does when the user drags its scrollbar: seek the cursor of the page at
 * a random row ({@code EventSearch.cursorAt}) and fetch that page of 200 events, then fetch the page after it (the
 * user scrolls on). Keys: {@code table_seek_<p50|p95|p99>_ms} (all events by time, the table's default),
 * {@code table_cursor_<p50|p95|p99>_ms} (the seek alone, without reading the page's rows),
 * {@code table_seek_term_<p50|p95|p99>_ms} (the hits of one common word) and {@code table_next_page_<p50|p95|p99>_ms}.
 */
final class TableScrolling {
    /** The table's page size (PagedEventList.DEFAULT_PAGE_SIZE in the app). */
    static final int PAGE = 200;
    private static final int JUMPS = 100;

    private TableScrolling() {}

    static void measure(Case c, long seed, Map<String, Double> out, ProgressListener progress) {
        Random r = new Random(seed);
        Jumps all = jumps(c, "*:*", r);
        Benchmark.putPercentiles(out, "table_seek", all.seekAndPage());
        Benchmark.putPercentiles(out, "table_cursor", all.cursor());
        Benchmark.putPercentiles(out, "table_next_page", all.nextPage());
        Benchmark.putPercentiles(out, "table_seek_term", jumps(c, SyntheticEvents.WORDS[0], r).seekAndPage());
        progress.progress("table scrolling", JUMPS, JUMPS);
    }

    /** Milliseconds per jump: finding the cursor alone, the cursor and its page, and the page after it. */
    private record Jumps(double[] cursor, double[] seekAndPage, double[] nextPage) {}

    private static Jumps jumps(Case c, String query, Random r) {
        SearchRequest request = new SearchRequest(query, PAGE, null, SearchSort.TIME);
        long total = c.search().count(query);
        for (int i = 0; i < 5; i++) c.search().search(request.next(c.search().cursorAt(request, row(total, r)))); // warm up
        Jumps j = new Jumps(new double[JUMPS], new double[JUMPS], new double[JUMPS]);
        for (int i = 0; i < JUMPS; i++) {
            long t0 = System.nanoTime();
            String cursor = c.search().cursorAt(request, row(total, r));
            long t1 = System.nanoTime();
            SearchPage page = c.search().search(request.next(cursor));
            long t2 = System.nanoTime();
            c.search().search(request.next(page.nextCursor()));
            long t3 = System.nanoTime();
            j.cursor()[i] = (t1 - t0) / 1e6;
            j.seekAndPage()[i] = (t2 - t0) / 1e6;
            j.nextPage()[i] = (t3 - t2) / 1e6;
        }
        return j;
    }

    /** A random row before the last page's rows, so a next page exists when there are more than 200 hits. */
    private static long row(long total, Random r) {
        return (long) (r.nextDouble() * Math.max(1, total - PAGE));
    }
}
