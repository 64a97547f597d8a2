package dev.tracehound.timeline.bench;

import java.nio.file.Path;

/** Runs the benchmark outside unit tests: {@code java -cp ... BenchMain <events> <tmp>}. */
public final class BenchMain {
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        BenchmarkResult r = Benchmark.run(Integer.parseInt(args[0]), Path.of(args.length > 1 ? args[1] : "/tmp"),
                (phase, done, total) -> System.err.printf("%6.1fs %s %d/%d%n", (System.nanoTime() - t0) / 1e9, phase, done, total));
        r.figures().forEach((k, v) -> System.out.println(k + " = " + v));
    }
}
