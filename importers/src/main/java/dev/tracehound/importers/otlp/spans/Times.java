package dev.tracehound.importers.otlp.spans;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Times as these formats write them, to nanoseconds since the epoch: OTLP's unix-nano numbers or numeric
 * strings (beyond 2^53, so never through a double), ISO-8601 with or without zone (UTC assumed), and epoch
 * numbers whose unit is guessed from magnitude (seconds, milliseconds, microseconds, nanoseconds).
 */
public final class Times {
    private Times() {}

    /** Nanoseconds for a value known to be unix nanoseconds (OTLP), or null when absent or unreadable. */
    public static Long unixNanos(JsonNode node) {
        if (node == null || node.isNull()) return null;
        if (node.isIntegralNumber()) return node.canConvertToLong() ? node.longValue() : null;
        if (node.isNumber()) return (long) node.doubleValue();
        if (node.isTextual()) {
            String s = node.asText().strip();
            if (s.isEmpty()) return null;
            if (isDigits(s)) {
                try {
                    return new BigInteger(s).longValueExact();
                } catch (ArithmeticException e) {
                    return null;
                }
            }
            return iso(s);
        }
        return null;
    }

    /** Nanoseconds for an ISO string or an epoch number of any common unit; null when absent or unreadable. */
    public static Long anyTime(JsonNode node) {
        if (node == null || node.isNull()) return null;
        if (node.isNumber()) return epochGuess(node.isIntegralNumber() ? node.longValue() : (long) (node.doubleValue() * 1000), !node.isIntegralNumber());
        if (node.isTextual()) {
            String s = node.asText().strip();
            if (s.isEmpty()) return null;
            if (isDigits(s)) {
                try {
                    return epochGuess(Long.parseLong(s), false);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            if (s.matches("\\d+\\.\\d+")) return epochGuess((long) (Double.parseDouble(s) * 1000), true);
            return iso(s);
        }
        return null;
    }

    /** Epoch value to nanoseconds by magnitude; {@code milliFromSeconds} when a fractional seconds value was scaled. */
    private static long epochGuess(long v, boolean milliFromSeconds) {
        if (milliFromSeconds) return v * 1_000_000L;
        long abs = Math.abs(v);
        if (abs < 100_000_000_000L) return v * 1_000_000_000L;       // seconds (until year 5138)
        if (abs < 100_000_000_000_000L) return v * 1_000_000L;       // milliseconds
        if (abs < 100_000_000_000_000_000L) return v * 1_000L;       // microseconds
        return v;                                                    // nanoseconds
    }

    public static Long iso(String s) {
        try {
            return toNanos(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return toNanos(LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                try {
                    return toNanos(Instant.parse(s));
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }

    private static long toNanos(Instant i) {
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
    }

    private static boolean isDigits(String s) {
        int start = s.charAt(0) == '-' ? 1 : 0;
        if (start == s.length()) return false;
        for (int i = start; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) return false;
        }
        return true;
    }
}
