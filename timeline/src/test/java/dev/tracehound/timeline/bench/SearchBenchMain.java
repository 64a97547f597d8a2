package dev.tracehound.timeline.bench;

import java.nio.file.Path;

/** Search figures on a case a benchmark run kept: {@code java -cp ... SearchBenchMain <caseDir> <events>}. */
public final class SearchBenchMain {
    public static void main(String[] args) {
        BenchmarkResult r = Benchmark.searchOnly(Path.of(args[0]), Integer.parseInt(args[1]), (phase, done, total) -> {});
        r.figures().forEach((k, v) -> System.out.println(k + " = " + v));
    }
}
