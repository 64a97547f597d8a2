package dev.tracehound.timeline.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the time values a query may use for {@code ts}: a date ({@code 2025-01-01}, a whole UTC day), an ISO
 * instant or local date-time (UTC), or epoch milliseconds. Results are nanoseconds since the epoch.
 */
final class TimeValues {
    private TimeValues() {}

    /** The first and last nanosecond the value covers (a date covers its whole day). */
    record Span(long first, long last) {}

    static Span parse(String value) {
        String v = value.strip();
        try {
            if (v.matches("-?\\d{1,15}")) {
                long ms = Long.parseLong(v);
                return new Span(Math.multiplyExact(ms, 1_000_000L), Math.multiplyExact(ms, 1_000_000L) + 999_999);
            }
            if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                long start = nanos(LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant());
                return new Span(start, start + 86_400_000_000_000L - 1);
            }
            Instant t;
            if (v.endsWith("Z") || v.endsWith("z")) t = Instant.parse(v.toUpperCase(java.util.Locale.ROOT));
            else if (v.matches(".*[+-]\\d{2}:\\d{2}$")) t = OffsetDateTime.parse(v).toInstant();
            else t = LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            long n = nanos(t);
            return new Span(n, n);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + value + "' is not a time: use 2025-01-01, 2025-01-01T10:00:00Z or epoch milliseconds");
        }
    }

    private static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }
}
