package dev.tracehound.app.format;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Event times (nanoseconds since the epoch) as investigators read them: UTC, millisecond precision. Every event has a
 * time, and 0 is one like any other: sources without clocks get times inferred from record order starting at the
 * epoch itself (flag {@code TIME_INFERRED}), so the first of them is exactly 0. Outputs print the value and mark it
 * as inferred ({@link #INFERRED_MARK}), never a blank or null.
 */
public final class TimeFormat {
    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    private TimeFormat() {}

    public static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }

    /** Appended to a time in tables when it was inferred from record order, not recorded by the source. */
    public static final String INFERRED_MARK = "~";

    /** The legend tables print under their rows when a time carries {@link #INFERRED_MARK}. */
    public static final String INFERRED_LEGEND = "~ time inferred from record order (the source records none)";

    /**
     * Sessions whose times all lie within the epoch's first day have inferred times: the importers infer them as the
     * epoch plus a microsecond per record, and no AI telemetry was recorded in 1970.
     */
    public static final long INFERRED_BEFORE = 86_400L * 1_000_000_000L;

    /** {@code 2025-03-01 12:00:00.123} (UTC); 0 is {@code 1970-01-01 00:00:00.000}, the first inferred time. */
    public static String human(long epochNanos) {
        return UTC_MILLIS.format(instant(epochNanos));
    }

    /** {@link #human} with {@link #INFERRED_MARK} when the time was inferred. */
    public static String human(long epochNanos, boolean inferred) {
        return human(epochNanos) + (inferred ? INFERRED_MARK : "");
    }

    /** Whether a session's times were inferred from record order (see {@link #INFERRED_BEFORE}). */
    public static boolean inferredSpan(long endNanos) {
        return endNanos < INFERRED_BEFORE && endNanos >= 0;
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
