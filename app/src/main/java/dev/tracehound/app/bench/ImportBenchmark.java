package dev.tracehound.app.bench;

import dev.tracehound.importers.run.ImportReport;
import dev.tracehound.importers.run.ImportRun;
import dev.tracehound.timeline.bench.BareLucene;
import dev.tracehound.timeline.bench.ProcessCpu;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The import of one real file against the foundation's baseline: bare Lucene indexing as many MB of the synthetic
 * benchmark's event texts as the file has. A ratio reads as "the whole import (parse, map, reassemble, both stores,
 * evidence) runs at this fraction of the speed of indexing that much text".
 *
 * <p>It measures twice over. The first run is cold, both sides in a fresh JVM: what a user waits for. On two cores
 * the JIT compilers take up to half of a short first run's CPU, and that share moves the baseline by ±20% from one
 * run to the next, so a first run alone says little about what the import itself costs. The steady state is then
 * measured in rounds, each a baseline run and an import into a fresh case. The earlier half of them warm up: on two
 * cores the JIT still compiled for 10 s in the first round after a 125 MB first run, and for 5 s in the second, with
 * the ratio rising round by round. The median of the later half is the steady state: the cost per MB that the
 * issue's target compares, and what a long import runs at.
 */
public final class ImportBenchmark {
    /** Above this size a file's first run is long enough for the JIT to be paid off: no rounds by default. */
    public static final long ROUNDS_UP_TO_BYTES = BareLucene.SYNTHETIC_RATE_MAX_BYTES;
    public static final int DEFAULT_ROUNDS = 5;

    private final Path file;
    private final String format;
    private final Path work;
    private final Consumer<String> progress;

    /**
     * @param format the file's format, or null to detect it
     * @param work an empty folder for the throwaway cases and baseline indexes; the caller deletes it
     */
    public ImportBenchmark(Path file, String format, Path work, Consumer<String> progress) {
        this.file = file;
        this.format = format;
        this.work = work;
        this.progress = progress;
    }

    /** Rounds measured after the first run unless the user says otherwise: none for a file over 256 MB. */
    public static int defaultRounds(long fileBytes) {
        return fileBytes <= ROUNDS_UP_TO_BYTES ? DEFAULT_ROUNDS : 0;
    }

    /** One import and the baseline run just before it. */
    private record Round(double seconds, double cpuSeconds, double jitSeconds, double gcSeconds, BareLucene.Rate bare, double fileMb) {
        double mbPerSecond() {
            return fileMb / seconds;
        }

        double ratio() {
            return mbPerSecond() / bare.mbPerSecond();
        }

        double cpuSecondsPerMb() {
            return cpuSeconds / fileMb;
        }

        double cpuRatio() {
            return bare.cpuSecondsPerMb() / cpuSecondsPerMb();
        }
    }

    /** Runs the first run and {@code rounds} more; the figures in the order they are printed. */
    public Map<String, Object> run(int rounds) throws IOException {
        long size = Files.size(file);
        double fileMb = size / 1e6;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());

        progress.accept("first run: bare Lucene over " + BareLucene.timedBytes(size) / 1_000_000
                + " MB of synthetic text" + (size > BareLucene.SYNTHETIC_RATE_MAX_BYTES ? ", after an untimed warm-up" : ""));
        BareLucene.Rate firstBare = baseline("baseline-0", size);
        progress.accept("first run: importing " + file);
        Path caseDir = work.resolve("case-0");
        Case c = Cases.create(caseDir, "bench");
        Round first;
        try {
            Timed<ImportReport> imported = timed(() -> importInto(c));
            first = imported.round(firstBare, fileMb);
            ImportReport r = imported.value();
            m.put("format", r.format());
            m.put("file_mb", fileMb);
            m.put("records", r.records());
            m.put("events", r.events());
            m.put("quarantined", r.quarantined());
            progress.accept("imported; listing the sessions");
            long l0 = System.nanoTime();
            m.put("sessions", c.events().sessions().size());
            m.put("sessions_list_ms", (System.nanoTime() - l0) / 1e6);
            m.put("store_mb_after_import", storeBytes(caseDir) / 1e6);
            long closing = System.nanoTime();
            c.close(); // may compact the database
            m.put("close_seconds", (System.nanoTime() - closing) / 1e9);
            m.put("store_mb_after_close", storeBytes(caseDir) / 1e6);
        } finally {
            c.close();
            deleteTree(caseDir);
        }

        List<Round> steady = new ArrayList<>();
        for (int i = 1; i <= rounds; i++) {
            progress.accept("round " + i + " of " + rounds + ": bare Lucene, then the import into a fresh case");
            BareLucene.Rate bare = baseline("baseline-" + i, size);
            Path dir = work.resolve("case-" + i);
            try (Case fresh = Cases.create(dir, "bench")) {
                steady.add(timed(() -> importInto(fresh)).round(bare, fileMb));
            } finally {
                deleteTree(dir);
            }
        }

        // the later half of the rounds (the earlier ones warm up), and of those the median round by ratio: every headline
        // figure comes from that one round, so they agree with each other (the lower of the middle two for an even count)
        List<Round> counted = new ArrayList<>(steady.subList(steady.size() / 2, steady.size()));
        counted.sort(Comparator.comparingDouble(Round::ratio));
        Round shown = counted.isEmpty() ? first : counted.get((counted.size() - 1) / 2);
        m.put("measured", counted.isEmpty() ? "first run only" : "median of the last " + counted.size() + " of " + steady.size()
                + " rounds after a first run" + (counted.size() < steady.size() ? " (the earlier ones warm up)" : ""));
        m.put("seconds", shown.seconds());
        m.put("records_per_s", ((Number) m.get("records")).doubleValue() / shown.seconds());
        m.put("events_per_s", ((Number) m.get("events")).doubleValue() / shown.seconds());
        m.put("mb_per_s", shown.mbPerSecond());
        m.put("bare_lucene_mb_per_s", shown.bare().mbPerSecond());
        m.put("ratio_to_bare_lucene", shown.ratio());
        // the same comparison in CPU time, which a neighbour's load on a shared machine disturbs less than wall time
        m.put("cpu_seconds_per_mb", shown.cpuSecondsPerMb());
        m.put("bare_lucene_cpu_seconds_per_mb", shown.bare().cpuSecondsPerMb());
        m.put("cpu_ratio_to_bare_lucene", shown.cpuRatio());
        if (!steady.isEmpty()) {
            m.put("round_ratios", steady.stream().map(r -> round3(r.ratio())).toList());
            m.put("round_mb_per_s", steady.stream().map(r -> round3(r.mbPerSecond())).toList());
            m.put("round_bare_lucene_mb_per_s", steady.stream().map(r -> round3(r.bare().mbPerSecond())).toList());
            m.put("round_cpu_ratios", steady.stream().map(r -> round3(r.cpuRatio())).toList());
            m.put("round_jit_compile_seconds", steady.stream().map(r -> round3(r.jitSeconds())).toList());
        }
        m.put("bare_lucene_text_mb", firstBare.textMb());
        m.put("bare_lucene_warmed_up", firstBare.warmedUp());
        m.put("first_run_seconds", first.seconds());
        m.put("first_run_mb_per_s", first.mbPerSecond());
        m.put("first_run_bare_lucene_mb_per_s", firstBare.mbPerSecond());
        m.put("first_run_ratio_to_bare_lucene", first.ratio());
        m.put("first_run_cpu_ratio_to_bare_lucene", first.cpuRatio());
        m.put("first_run_cpu_seconds", first.cpuSeconds());
        // where the first run's CPU went: compile time of the JIT's threads and collection time, during the import
        m.put("first_run_jit_compile_seconds", first.jitSeconds());
        m.put("first_run_gc_seconds", first.gcSeconds());
        return m;
    }

    private BareLucene.Rate baseline(String name, long size) throws IOException {
        Path dir = work.resolve(name);
        try {
            return BareLucene.syntheticRate(dir, size);
        } finally {
            deleteTree(dir);
        }
    }

    private ImportReport importInto(Case c) throws IOException {
        ImportReport r = new ImportRun(c, List.of(file), format, p -> {}).run().getFirst();
        if (r.error() != null) throw new IOException("the import failed: " + r.error());
        return r;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws IOException;
    }

    /** What a piece of work returned, with the wall, CPU, compile and collection time it took. */
    private record Timed<T>(T value, double seconds, double cpuSeconds, double jitSeconds, double gcSeconds) {
        Round round(BareLucene.Rate bare, double fileMb) {
            return new Round(seconds, cpuSeconds, jitSeconds, gcSeconds, bare, fileMb);
        }
    }

    private static <T> Timed<T> timed(Work<T> work) throws IOException {
        long cpu0 = ProcessCpu.nanos(), jit0 = jitMillis(), gc0 = gcMillis();
        long t0 = System.nanoTime();
        T value = work.run();
        return new Timed<>(value, Math.max(1e-9, (System.nanoTime() - t0) / 1e9), (ProcessCpu.nanos() - cpu0) / 1e9,
                (jitMillis() - jit0) / 1e3, (gcMillis() - gc0) / 1e3);
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Milliseconds the JIT compilers have spent so far (elapsed time of their threads), or 0 when not reported. */
    private static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** Milliseconds of garbage collection so far, over every collector. */
    private static long gcMillis() {
        long ms = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) ms += Math.max(0, gc.getCollectionTime());
        return ms;
    }

    /** What the case takes on disk besides its copy of the evidence: database and search index. */
    private static long storeBytes(Path caseDir) throws IOException {
        try (var files = Files.walk(caseDir)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.startsWith(caseDir.resolve("evidence")))
                    .mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** Deletes a folder and everything in it; a leftover temp folder is not worth failing a benchmark over. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // left for the operating system's temp cleaning
        }
    }
}
