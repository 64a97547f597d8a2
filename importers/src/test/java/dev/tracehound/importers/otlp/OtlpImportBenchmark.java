package dev.tracehound.importers.otlp;

import dev.tracehound.importers.EventSink;
import dev.tracehound.importers.ImportFixture;
import dev.tracehound.timeline.event.Event;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a unit test: {@code OtlpImportBenchmark FILE [SPANS]} generates FILE with {@link SyntheticOtlp} when it
 * does not exist, then times one import into a counting sink and prints records/s and MB/s.
 */
public final class OtlpImportBenchmark {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        if (!Files.exists(file)) SyntheticOtlp.write(file, Long.parseLong(args.length > 1 ? args[1] : "200000"), 42);
        long bytes = Files.size(file);
        long[] counts = new long[3];
        EventSink counting = new EventSink() {
            @Override public void accept(Event event) { counts[0]++; }
            @Override public void quarantine(String locator, String reason, String excerpt) { counts[2]++; }
            @Override public void warn(String code, String message, String locator) { }
            @Override public void recordRead(long bytesConsumedSoFar) { counts[1]++; }
            @Override public boolean cancelled() { return false; }
        };
        var source = ImportFixture.source(file);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        new OtlpImporter().read(source, counting);
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        System.out.printf("%s: %.1f MB, %d spans, %d events, %d quarantined%n  wall %.2f s = %.0f spans/s, %.1f MB/s%n"
                        + "  cpu  %.2f s = %.0f spans/s, %.1f MB/s (process CPU time, JIT and GC included)%n",
                file.getFileName(), bytes / 1e6, counts[1], counts[0], counts[2], s, counts[1] / s, bytes / 1e6 / s,
                cpu, counts[1] / cpu, bytes / 1e6 / cpu);
    }
}
