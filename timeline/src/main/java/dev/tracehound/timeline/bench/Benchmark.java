package dev.tracehound.timeline.bench;

import dev.tracehound.timeline.audit.Actors;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import dev.tracehound.timeline.search.SearchRequest;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import dev.tracehound.timeline.store.Ingest;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Measures the case store on synthetic telemetry and compares it with what the libraries underneath can do alone.
 *
 * <p>Keys of the result: {@code events}, {@code import_events_per_s}, {@code import_mb_per_s},
 * {@code bare_lucene_events_per_s}, {@code bare_lucene_mb_per_s}, {@code ratio_to_bare_lucene}, {@code jackson_mb_per_s},
 * {@code ratio_to_jackson}, {@code search_<term|phrase|prefix|range|all|next_page>_<p50|p95|p99>_ms} (every search sorted by time, 100 hits),, {@code session_load_ms}, {@code sessions_list_ms} (every session summarised with its parent link), {@code sessions},
 * {@code table_seek_*}, {@code table_cursor_*}, {@code table_seek_term_*} and {@code table_next_page_*} (see {@link TableScrolling}),
 * {@code heap_max_mb} (highest heap in use after a GC while the store ran), {@code heap_live_after_full_gc_mb} (the most a full collection left: the live set; 0 when the heap never ran short), {@code heap_peak_used_mb}, {@code heap_limit_mb}, {@code gc_pause_ms}, plus {@code evidence_add_ms} and {@code text_mb}. Megabytes are of event text (what gets analysed);
 * every rate includes reading the JSONL with Jackson, as a real import does.
 */
public final class Benchmark {
    private static final int QUERIES = 200;
    static final long SEED = 20250101L;

    private Benchmark() {}

    public static BenchmarkResult run(int events, Path tmp, ProgressListener progress) {
        if (events < 1000) throw new IllegalArgumentException("Benchmark needs at least 1000 events, got " + events);
        try {
            return new Run(events, Files.createDirectories(tmp).resolve("tracehound-bench-" + System.nanoTime()), progress).run();
        } catch (IOException e) {
            throw new UncheckedIOException("Benchmark failed: " + e.getMessage(), e);
        }
    }

    /**
     * Measures only the searches and the session load on a case a earlier run kept (system property
     * {@code tracehound.bench.keepCase=true}), so query changes can be measured without importing again.
     */
    public static BenchmarkResult searchOnly(Path caseDir, int events, ProgressListener progress) {
        Run run = new Run(events, null, progress);
        try (Case c = Cases.open(caseDir)) {
            run.searches(c);
            run.sessionLoad(c);
        }
        return new BenchmarkResult(run.out);
    }

    private static final class Run {
        private final int events;
        private final Path work;
        private final ProgressListener progress;
        private final Map<String, Double> out = new LinkedHashMap<>();

        Run(int events, Path work, ProgressListener progress) {
            this.events = events;
            this.work = work;
            this.progress = progress;
        }

        BenchmarkResult run() throws IOException {
            Files.createDirectories(work);
            try {
                Path jsonl = work.resolve("synthetic.jsonl");
                SyntheticEvents.Summary summary = SyntheticEvents.write(jsonl, events, SEED, progress);
                double textMb = summary.textBytes() / 1e6;
                out.put("events", (double) events);
                out.put("text_mb", round(textMb));

                double jacksonS = timeJackson(jsonl);
                out.put("jackson_mb_per_s", round(textMb / jacksonS));

                double bareS = BareLucene.index(jsonl, work.resolve("bare-index"), progress, events);
                out.put("bare_lucene_events_per_s", round(events / bareS));
                out.put("bare_lucene_mb_per_s", round(textMb / bareS));

                // heap is measured for the store only: the bare-Lucene baseline keeps its own 512 MB buffer
                try (HeapWatch heap = new HeapWatch(); Case c = Cases.create(work.resolve("case"), "benchmark")) {
                    long t0 = System.nanoTime();
                    EvidenceRecord ev = c.evidence().add(jsonl, "synthetic-jsonl");
                    out.put("evidence_add_ms", round((System.nanoTime() - t0) / 1e6));
                    double importS = timeImport(c, ev);
                    out.put("import_events_per_s", round(events / importS));
                    out.put("import_mb_per_s", round(textMb / importS));
                    out.put("ratio_to_bare_lucene", round(bareS / importS));
                    out.put("ratio_to_jackson", round(jacksonS / importS));
                    searches(c);
                    sessionLoad(c);
                    out.put("heap_max_mb", round(heap.maxUsedAfterGcBytes() / 1e6));
                    out.put("heap_live_after_full_gc_mb", round(heap.maxLiveAfterFullGcBytes() / 1e6));
                    out.put("heap_peak_used_mb", round(HeapWatch.peakUsedBytes() / 1e6));
                    out.put("gc_pause_ms", (double) heap.gcPauseMs());
                    out.put("heap_limit_mb", round(Runtime.getRuntime().maxMemory() / 1e6));
                }
                return new BenchmarkResult(out);
            } finally {
                if (Boolean.getBoolean("tracehound.bench.keepCase")) {
                    deleteQuietly(work.resolve("bare-index"));
                    progress.progress("kept case " + work.resolve("case"), 0, 0);
                } else {
                    deleteQuietly(work);
                }
            }
        }

        private double timeJackson(Path jsonl) throws IOException {
            long[] chars = {0};
            long t0 = System.nanoTime();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(jsonl), 1 << 16)) {
                SyntheticJsonl.read(in, r -> chars[0] += r.text().length());
            }
            double s = (System.nanoTime() - t0) / 1e9;
            progress.progress("jackson", events, events);
            if (chars[0] == 0) throw new IllegalStateException("no text parsed");
            return s;
        }

        private double timeImport(Case c, EvidenceRecord ev) throws IOException {
            long t0 = System.nanoTime();
            try (Ingest ingest = c.ingest(ev, Actors.current()); InputStream in = new BufferedInputStream(c.evidence().open(ev.sha256()), 1 << 16)) {
                long[] n = {0};
                SyntheticJsonl.read(in, r -> {
                    ingest.add(r.toEvent(ev.sha256()));
                    if (++n[0] % 50_000 == 0) progress.progress("import", n[0], events);
                });
                ingest.commit();
            }
            progress.progress("import", events, events);
            return (System.nanoTime() - t0) / 1e9;
        }

        private void searches(Case c) {
            Random r = new Random(SEED + 1);
            String[] words = SyntheticEvents.WORDS;
            measure(c, "term", i -> words[r.nextInt(words.length)]);
            measure(c, "phrase", i -> "\"" + words[r.nextInt(words.length)] + " " + words[r.nextInt(words.length)] + "\"");
            measure(c, "prefix", i -> {
                String w = words[r.nextInt(words.length)];
                return (w.length() > 3 ? w.substring(0, 3) : w) + "*";
            });
            long spanMs = Math.max(1, events / 1_000L); // synthetic times advance 1 ms per event
            measure(c, "range", i -> {
                long from = SyntheticEvents.T0 / 1_000_000 + (long) (r.nextDouble() * spanMs);
                return "ts:[" + from + " TO " + (from + Math.max(1, spanMs / 20)) + "]";
            });
            measure(c, "all", i -> "*:*");
            measureNextPage(c, "next_page", r);
            TableScrolling.measure(c, SEED + 2, out, progress);
        }

        private void measure(Case c, String name, java.util.function.IntFunction<String> queries) {
            measureRequests(c, name, i -> SearchRequest.of(queries.apply(i), 100));
        }

        /** Each request is the second page (by time, through the cursor of the first) of an all-events query. */
        private void measureNextPage(Case c, String name, Random r) {
            measureRequests(c, name, i -> {
                String q = "ts:[" + (SyntheticEvents.T0 / 1_000_000 + r.nextInt(Math.max(1, events - 1000))) + " TO *]";
                String cursor = c.search().search(SearchRequest.of(q, 100)).nextCursor();
                return new SearchRequest(q, 100, cursor, dev.tracehound.timeline.search.SearchSort.TIME);
            });
        }

        private void measureRequests(Case c, String name, java.util.function.IntFunction<SearchRequest> requests) {
            for (int i = 0; i < 10; i++) c.search().search(requests.apply(i)); // warm up
            double[] ms = new double[QUERIES];
            for (int i = 0; i < QUERIES; i++) {
                SearchRequest q = requests.apply(i);
                long t0 = System.nanoTime();
                c.search().search(q);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            putPercentiles(out, "search_" + name, ms);
            progress.progress("search " + name, QUERIES, QUERIES);
        }

        private void sessionLoad(Case c) {
            String session = events > SyntheticEvents.BIG_SESSION_EVENTS ? SyntheticEvents.BIG_SESSION : "session-0";
            double[] ms = new double[3];
            for (int i = 0; i < ms.length; i++) {
                long t0 = System.nanoTime();
                int n = c.events().session(session).size();
                ms[i] = (System.nanoTime() - t0) / 1e6;
                if (n == 0) throw new IllegalStateException("session " + session + " is empty");
            }
            Arrays.sort(ms);
            out.put("session_load_ms", round(ms[1]));
            long t0 = System.nanoTime();
            int sessions = c.events().sessions().size(); // the app's session list: a summary and parent link per session
            out.put("sessions_list_ms", round((System.nanoTime() - t0) / 1e6));
            out.put("sessions", (double) sessions);
        }
    }

    /** Sorts {@code ms} and puts {@code <name>_p50_ms}, {@code _p95_ms} and {@code _p99_ms}. */
    static void putPercentiles(Map<String, Double> out, String name, double[] ms) {
        Arrays.sort(ms);
        out.put(name + "_p50_ms", round(percentile(ms, 0.50)));
        out.put(name + "_p95_ms", round(percentile(ms, 0.95)));
        out.put(name + "_p99_ms", round(percentile(ms, 0.99)));
    }

    static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    p.toFile().setWritable(true);
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: it is a temporary folder
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
