package dev.tracehound.app.export;

import java.time.Instant;

/** Event times (nanoseconds since the epoch) as ISO-8601 UTC text and as microseconds, for export formats. */
public final class Timestamps {
    private Timestamps() {}

    public static String iso(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)).toString();
    }

    public static long micros(long nanos) {
        return Math.floorDiv(nanos, 1_000L);
    }
}
