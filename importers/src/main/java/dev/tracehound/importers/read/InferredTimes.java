package dev.tracehound.importers.read;

import dev.tracehound.importers.EventSink;

/**
 * Times for sources that record none: the epoch plus one microsecond per record in file order, so the
 * order survives and nobody mistakes them for real clocks (events carry {@code TIME_INFERRED}; the report
 * carries one warning). Deterministic, so re-imports give the same times.
 */
public final class InferredTimes {
    public static final String WARNING = "TIME_INFERRED";
    private long next;
    private boolean warned;

    public long next(EventSink sink, String locator) {
        if (!warned) {
            warned = true;
            sink.warn(WARNING, "the source records no times; times were inferred from record order (epoch + 1 µs per record) and flagged TIME_INFERRED", locator);
        }
        return (next++) * 1_000L;
    }
}
