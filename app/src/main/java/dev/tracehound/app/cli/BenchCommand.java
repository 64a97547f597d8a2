package dev.tracehound.app.cli;

import dev.tracehound.app.bench.ImportBenchmark;
import dev.tracehound.app.format.TextTable;
import dev.tracehound.timeline.bench.Benchmark;
import dev.tracehound.timeline.bench.BenchmarkResult;
import dev.tracehound.timeline.bench.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tracehound bench [--events N] [--import FILE [--format F] [--rounds N]]}: the case store on synthetic
 * telemetry against bare Lucene and Jackson, or the import of a real file ({@link ImportBenchmark}), in throwaway
 * cases that are deleted afterwards.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure import and search speed in a throwaway case.",
            "Without --import: synthetic events, compared with bare Lucene and Jackson on this machine.",
            "With --import FILE: the import of that file (records/s, MB/s) against bare Lucene indexing as many MB",
            "of the synthetic benchmark's event texts (the foundation's baseline), in a first run from a cold JVM",
            "and then in --rounds more, the median of whose later half is the steady state."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--events", paramLabel = "N", defaultValue = "100000", description = "Synthetic events (default ${DEFAULT-VALUE}, at least 1000).")
    int events;

    @Option(names = "--import", paramLabel = "FILE", description = "Measure importing this export file instead.")
    Path importFile;

    @Option(names = "--format", paramLabel = "F", description = "Format of the --import file (default: detected).")
    String format;

    @Option(names = "--rounds", paramLabel = "N", description = {"Rounds after the --import file's first run (bare Lucene, then the",
        "import into a fresh case); the earlier half warm up, the median of the later half is the steady state.",
        "Default 5 for a file up to 256 MB, 0 above (its first run pays off the JIT's warm-up)."})
    Integer rounds;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (importFile != null && Files.isDirectory(importFile)) throw new CliException(importFile + " is a folder; --import takes one export file");
        if (importFile != null && !Files.isRegularFile(importFile)) throw new CliException("no such file: " + importFile);
        if (importFile == null && events < 1000) throw new CliException("--events must be at least 1000, not " + events);
        if (rounds != null && importFile == null) throw new CliException("--rounds goes with --import FILE");
        if (rounds != null && (rounds < 0 || rounds > 20)) throw new CliException("--rounds must be between 0 and 20, not " + rounds);
        Path tmp = Files.createTempDirectory("tracehound-bench");
        try {
            Map<String, Object> figures = importFile != null ? measureImport(tmp) : new LinkedHashMap<>(synthetic(tmp).figures());
            if (output.json()) output.printJson(figures);
            else print(figures);
        } finally {
            ImportBenchmark.deleteTree(tmp);
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

    private Map<String, Object> measureImport(Path tmp) throws IOException {
        long size;
        try {
            size = Files.size(importFile);
        } catch (IOException e) {
            throw new CliException("cannot read " + importFile + ": " + e.getMessage());
        }
        Consumer<String> progress = output.json() ? what -> {} : this::progress;
        try {
            return new ImportBenchmark(importFile, format, tmp, progress).run(rounds != null ? rounds : ImportBenchmark.defaultRounds(size));
        } catch (IOException e) {
            throw new CliException(e.getMessage());
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
}
