package dev.tracehound.importers.otlp.spans;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Times as these formats write them, to nanoseconds since the epoch: OTLP's unix-nano numbers or numeric
 * strings (beyond 2^53, so never through a double; the unit is known, so no guessing by magnitude), and
 * Langfuse / LangSmith times through the framework's shared rule.
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
                    return Long.parseLong(s);
                } catch (NumberFormatException beyond64Bits) {
                    return null;
                }
            }
            return iso(s);
        }
        return null;
    }

    /**
     * Nanoseconds for an ISO string or an epoch number of any common unit (the import framework's rule,
     * {@link dev.tracehound.importers.read.Times}); null when absent or unreadable.
     */
    public static Long anyTime(JsonNode node) {
        return dev.tracehound.importers.read.Times.nanos(node);
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
