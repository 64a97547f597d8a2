package dev.tracehound.app.cli;

import dev.tracehound.app.format.TextTable;
import dev.tracehound.importers.run.ImportReport;
import dev.tracehound.importers.run.ImportRun;
import dev.tracehound.timeline.bench.BareLucene;
import dev.tracehound.timeline.bench.Benchmark;
import dev.tracehound.timeline.bench.BenchmarkResult;
import dev.tracehound.timeline.bench.ProcessCpu;
import dev.tracehound.timeline.bench.ProgressListener;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tracehound bench [--events N] [--import FILE [--format F]]}: the case store on synthetic telemetry against
 * bare Lucene and Jackson, or the import of a real file, in a throwaway case that is deleted afterwards.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure import and search speed in a throwaway case.",
            "Without --import: synthetic events, compared with bare Lucene and Jackson on this machine.",
            "With --import FILE: the import of that file (records/s, MB/s) against bare Lucene indexing as many MB",
            "of the synthetic benchmark's event texts (the foundation's baseline)."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--events", paramLabel = "N", defaultValue = "100000", description = "Synthetic events (default ${DEFAULT-VALUE}, at least 1000).")
    int events;

    @Option(names = "--import", paramLabel = "FILE", description = "Measure importing this export file instead.")
    Path importFile;

    @Option(names = "--format", paramLabel = "F", description = "Format of the --import file (default: detected).")
    String format;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (importFile != null && !Files.isRegularFile(importFile)) throw new CliException("no such file: " + importFile);
        if (importFile == null && events < 1000) throw new CliException("--events must be at least 1000, not " + events);
        Path tmp = Files.createTempDirectory("tracehound-bench");
        try {
            Map<String, Object> figures = importFile != null ? measureImport(tmp) : new LinkedHashMap<>(synthetic(tmp).figures());
            if (output.json()) output.printJson(figures);
            else print(figures);
        } finally {
            deleteTree(tmp);
        }
        return 0;
    }

    private BenchmarkResult synthetic(Path tmp) {
        var err = spec.commandLine().getErr();
        ProgressListener progress = output.json() ? ProgressListener.NONE : (phase, done, total) -> {
            if (done == total) {
                err.println("  " + phase + " done");
                err.flush();
            }
        };
        return Benchmark.run(events, tmp, progress);
    }

    /**
     * The import of a real file against the foundation's baseline: bare Lucene indexing as many MB of the synthetic
     * benchmark's event texts as the file has (run first, like the synthetic benchmark runs it). The ratio reads as
     * "the whole import (parse, map, reassemble, both stores, evidence) costs 1/ratio times indexing that much text".
     */
    private Map<String, Object> measureImport(Path tmp) throws IOException {
        long size;
        try {
            size = Files.size(importFile);
        } catch (IOException e) {
            throw new CliException("cannot read " + importFile + ": " + e.getMessage());
        }
        if (!output.json()) progress("bare Lucene baseline over " + Math.min(size, BareLucene.SYNTHETIC_RATE_MAX_BYTES) / 1_000_000
                + " MB of synthetic text" + (size > BareLucene.SYNTHETIC_RATE_MAX_BYTES ? ", after an untimed warm-up" : ""));
        BareLucene.Rate bare = BareLucene.syntheticRate(tmp.resolve("baseline"), size);
        deleteTree(tmp.resolve("baseline"));
        if (!output.json()) progress("importing " + importFile);
        Map<String, Object> m = new LinkedHashMap<>();
        Path caseDir = tmp.resolve("case");
        Case c = Cases.create(caseDir, "bench");
        try {
            long cpu0 = ProcessCpu.nanos();
            long jit0 = jitMillis(), gc0 = gcMillis();
            long t0 = System.nanoTime();
            List<ImportReport> reports = new ImportRun(c, List.of(importFile), format, p -> {}).run();
            double seconds = Math.max(1e-9, (System.nanoTime() - t0) / 1e9);
            double cpuSeconds = (ProcessCpu.nanos() - cpu0) / 1e9;
            double jitSeconds = (jitMillis() - jit0) / 1e3, gcSeconds = (gcMillis() - gc0) / 1e3;
            ImportReport r = reports.getFirst();
            if (r.error() != null) throw new CliException("the import failed: " + r.error());
            m.put("file", importFile.toString());
            m.put("format", r.format());
            m.put("file_mb", size / 1e6);
            m.put("records", r.records());
            m.put("events", r.events());
            m.put("quarantined", r.quarantined());
            m.put("seconds", seconds);
            m.put("cpu_seconds", cpuSeconds);
            // where the CPU went: compile time of the JIT's threads and collection time, both during the import
            m.put("jit_compile_seconds", jitSeconds);
            m.put("gc_seconds", gcSeconds);
            m.put("records_per_s", r.records() / seconds);
            m.put("events_per_s", r.events() / seconds);
            m.put("mb_per_s", size / 1e6 / seconds);
            m.put("bare_lucene_mb_per_s", bare.mbPerSecond());
            m.put("bare_lucene_text_mb", bare.textMb());
            m.put("bare_lucene_warmed_up", bare.warmedUp());
            m.put("ratio_to_bare_lucene", size / 1e6 / seconds / bare.mbPerSecond());
            // the same comparison in CPU time, which a neighbour's load on a shared machine disturbs less than wall time
            double cpuPerMb = cpuSeconds / (size / 1e6);
            m.put("cpu_seconds_per_mb", cpuPerMb);
            m.put("bare_lucene_cpu_seconds_per_mb", bare.cpuSecondsPerMb());
            m.put("cpu_ratio_to_bare_lucene", bare.cpuSecondsPerMb() / cpuPerMb);
            if (!output.json()) progress("imported; listing the sessions");
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
        }
        return m;
    }

    /** Milliseconds the JIT compilers have spent so far (elapsed time of their threads), or 0 when not reported. */
    private static long jitMillis() {
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** Milliseconds of garbage collection so far, over every collector. */
    private static long gcMillis() {
        long ms = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) ms += Math.max(0, gc.getCollectionTime());
        return ms;
    }

    /** What the case takes on disk besides its copy of the evidence: database and search index. */
    private static long storeBytes(Path caseDir) throws IOException {
        try (var files = Files.walk(caseDir)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.startsWith(caseDir.resolve("evidence")))
                    .mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private void progress(String what) {
        var err = spec.commandLine().getErr();
        err.println("  " + what);
        err.flush();
    }

    private void print(Map<String, Object> figures) {
        TextTable t = new TextTable("FIGURE", "VALUE");
        figures.forEach((k, v) -> t.row(k, v instanceof Double d ? String.format(Locale.ROOT, "%,.2f", d) : v));
        t.print(output.out());
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temp folder is not worth failing a benchmark over
        }
    }
}
