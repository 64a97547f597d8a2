package dev.tracehound.importers.langsmith;

import dev.tracehound.importers.otlp.spans.Times;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * LangSmith's {@code dotted_order}: {@code <YYYYMMDDTHHMMSSffffff>Z<run uuid>} segments joined by '.', root
 * first. It gives the trace (first segment), the parent (second to last), the run itself (last) and a start
 * time, when the run's own fields lack them.
 */
record DottedOrder(String[] segments) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSSSSS");

    static DottedOrder parse(String dotted) {
        if (dotted == null || dotted.isBlank()) return new DottedOrder(new String[0]);
        return new DottedOrder(dotted.split("\\."));
    }

    String traceId() {
        return segments.length == 0 ? null : runId(segments[0]);
    }

    String runId() {
        return segments.length == 0 ? null : runId(segments[segments.length - 1]);
    }

    String parentId() {
        return segments.length < 2 ? null : runId(segments[segments.length - 2]);
    }

    Long startNanos() {
        if (segments.length == 0) return null;
        String last = segments[segments.length - 1];
        int z = last.indexOf('Z');
        if (z != 22) return null;
        try {
            var t = LocalDateTime.parse(last.substring(0, z), STAMP).toInstant(ZoneOffset.UTC);
            return t.getEpochSecond() * 1_000_000_000L + t.getNano();
        } catch (DateTimeParseException e) {
            return Times.iso(last.substring(0, z));
        }
    }

    private static String runId(String segment) {
        int z = segment.indexOf('Z');
        String id = z >= 0 ? segment.substring(z + 1) : segment;
        return id.isEmpty() ? null : id.toLowerCase(java.util.Locale.ROOT);
    }
}
