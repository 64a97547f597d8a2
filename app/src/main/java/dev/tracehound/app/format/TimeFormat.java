package dev.tracehound.app.format;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Event times (nanoseconds since the epoch) as investigators read them: UTC, millisecond precision. */
public final class TimeFormat {
    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    private TimeFormat() {}

    public static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }

    /** {@code 2025-03-01 12:00:00.123} (UTC), or an empty string for an unknown (zero) time. */
    public static String human(long epochNanos) {
        return epochNanos == 0 ? "" : UTC_MILLIS.format(instant(epochNanos));
    }

    /** ISO-8601 with full precision, for JSON. */
    public static String iso(long epochNanos) {
        return ISO.format(instant(epochNanos));
    }

    /** A duration such as {@code 1.25 s}, {@code 3 min 4 s}, {@code 2 h 5 min}. */
    public static String duration(long nanos) {
        if (nanos < 0) nanos = 0;
        double seconds = nanos / 1e9;
        if (seconds < 1) return String.format(java.util.Locale.ROOT, "%d ms", nanos / 1_000_000);
        if (seconds < 60) return String.format(java.util.Locale.ROOT, "%.2f s", seconds);
        long s = (long) seconds;
        if (s < 3600) return (s / 60) + " min " + (s % 60) + " s";
        return (s / 3600) + " h " + ((s % 3600) / 60) + " min";
    }
}
