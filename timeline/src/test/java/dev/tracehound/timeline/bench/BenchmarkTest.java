package dev.tracehound.timeline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkTest {
    @TempDir Path tmp;

    @Test
    void aSmallRunReportsEveryFigureAndCleansUp() throws IOException {
        List<String> phases = new ArrayList<>();
        BenchmarkResult r = Benchmark.run(3_000, tmp, (phase, done, total) -> phases.add(phase));
        for (String key : List.of("events", "import_events_per_s", "import_mb_per_s", "bare_lucene_events_per_s", "bare_lucene_mb_per_s",
                "ratio_to_bare_lucene", "jackson_mb_per_s", "ratio_to_jackson", "session_load_ms", "heap_max_mb")) {
            assertTrue(r.figures().containsKey(key), key);
        }
        for (String figure : List.of("search_term", "search_phrase", "search_prefix", "search_range", "table_seek", "table_seek_term", "table_next_page")) {
            double p50 = r.get(figure + "_p50_ms");
            assertTrue(p50 > 0 && p50 <= r.get(figure + "_p95_ms") && r.get(figure + "_p95_ms") <= r.get(figure + "_p99_ms"), figure);
        }
        for (String p : List.of("p50", "p95", "p99")) {
            // the seek alone is part of each timed jump, so none of its percentiles can exceed the jump's (it may round to 0)
            assertTrue(r.get("table_cursor_" + p + "_ms") >= 0 && r.get("table_cursor_" + p + "_ms") <= r.get("table_seek_" + p + "_ms"), p);
        }
        assertEquals(3_000, r.get("events"));
        assertTrue(r.get("import_events_per_s") > 0 && r.get("heap_max_mb") > 0);
        // what a full collection leaves is part of what any collection leaves at most
        assertTrue(r.get("heap_live_after_full_gc_mb") >= 0 && r.get("heap_live_after_full_gc_mb") <= r.get("heap_max_mb"));
        assertEquals(r.get("bare_lucene_events_per_s") > 0 ? r.get("import_events_per_s") / r.get("bare_lucene_events_per_s") : -1,
                r.get("ratio_to_bare_lucene"), 0.05);
        assertTrue(phases.containsAll(List.of("jackson", "import", "search term", "search range", "table scrolling")), phases.toString());
        try (var left = Files.list(tmp)) {
            assertEquals(0, left.count(), "the benchmark removes its temporary case");
        }
        assertThrows(IllegalArgumentException.class, () -> Benchmark.run(10, tmp, ProgressListener.NONE));
    }

    @Test
    void syntheticDataHasTheShapeTheBenchmarkPromises() throws IOException {
        Path f = tmp.resolve("s.jsonl");
        SyntheticEvents.Summary s = SyntheticEvents.write(f, 25_000, 7, ProgressListener.NONE);
        Map<String, Integer> sessions = new HashMap<>();
        int[] minMax = {Integer.MAX_VALUE, 0};
        long lines = SyntheticJsonl.read(Files.newInputStream(f), rec -> {
            sessions.merge(rec.session(), 1, Integer::sum);
            minMax[0] = Math.min(minMax[0], rec.text().length());
            minMax[1] = Math.max(minMax[1], rec.text().length());
        });
        assertEquals(25_000, lines);
        assertEquals(SyntheticEvents.BIG_SESSION_EVENTS, sessions.get(SyntheticEvents.BIG_SESSION));
        assertTrue(minMax[0] >= 200 && minMax[1] <= 4000, minMax[0] + ".." + minMax[1]);
        assertTrue(sessions.size() > 20);
        assertTrue(s.textBytes() > 25_000L * 200);
    }
}
