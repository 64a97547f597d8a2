package dev.tracehound.importers.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times into nanoseconds since the epoch. Numbers are read by magnitude, because exports mix units:
 * below 1e11 seconds (with fraction), below 1e14 milliseconds, below 1e17 microseconds, else nanoseconds.
 * Strings: ISO-8601 with offset or {@code Z}; without an offset they are taken as UTC; numeric strings as numbers.
 */
public final class Times {
    private static final DateTimeFormatter SPACE_SEPARATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS][XXX][X]");

    private Times() {}

    /** Nanoseconds, or null when the node holds no recognisable time. */
    public static Long nanos(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return null;
        if (node.isNumber()) return fromNumber(node.decimalValue());
        if (node.isTextual()) return nanos(node.asText());
        return null;
    }

    public static Long nanos(String text) {
        if (text == null) return null;
        String s = text.strip();
        if (s.isEmpty()) return null;
        if (s.matches("-?\\d+(\\.\\d+)?")) return fromNumber(new BigDecimal(s));
        try {
            return of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            // try the next shape
        }
        try {
            return of(Instant.parse(s));
        } catch (DateTimeParseException e) {
            // try the next shape
        }
        try {
            return of(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            // try the next shape
        }
        try {
            var parsed = SPACE_SEPARATED.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime o) return of(o.toInstant());
            if (parsed instanceof LocalDateTime l) return of(l.toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            // not a time
        }
        return null;
    }

    public static Long fromNumber(BigDecimal value) {
        BigDecimal abs = value.abs();
        BigDecimal nanos;
        if (abs.compareTo(BigDecimal.valueOf(1e11)) < 0) nanos = value.movePointRight(9);
        else if (abs.compareTo(BigDecimal.valueOf(1e14)) < 0) nanos = value.movePointRight(6);
        else if (abs.compareTo(BigDecimal.valueOf(1e17)) < 0) nanos = value.movePointRight(3);
        else nanos = value;
        try {
            return nanos.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    public static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    public static String iso(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)).toString();
    }
}
