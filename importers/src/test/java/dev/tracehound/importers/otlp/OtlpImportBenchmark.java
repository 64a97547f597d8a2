package dev.tracehound.importers.otlp;

import dev.tracehound.importers.EventSink;
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
        long t0 = System.nanoTime();
        new OtlpImporter().read(Sources.of(file), counting);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s: %.1f MB, %d spans, %d events, %d quarantined in %.2f s = %.0f spans/s, %.0f events/s, %.1f MB/s%n",
                file.getFileName(), bytes / 1e6, counts[1], counts[0], counts[2], s, counts[1] / s, counts[0] / s, bytes / 1e6 / s);
    }
}
