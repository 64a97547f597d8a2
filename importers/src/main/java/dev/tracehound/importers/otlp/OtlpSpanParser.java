package dev.tracehound.importers.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.otlp.genai.OtlpSpan;
import dev.tracehound.importers.otlp.spans.Times;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads one OTLP span object: ids to hex, times to nanos, enums from integers or names, attributes to plain JSON. */
final class OtlpSpanParser {
    private OtlpSpanParser() {}

    static OtlpSpan parse(JsonNode span, String locator, Map<String, JsonNode> resource, String scopeName)
            throws BadRecordException {
        if (span == null || !span.isObject()) throw new BadRecordException("span is not a JSON object");
        String traceId = OtelIds.normalise(text(span, "traceId", "trace_id"));
        String spanId = OtelIds.normalise(text(span, "spanId", "span_id"));
        if (traceId == null) throw new BadRecordException("span has no valid traceId");
        if (spanId == null) throw new BadRecordException("span has no valid spanId");
        String parent = OtelIds.normalise(text(span, "parentSpanId", "parent_span_id"));
        JsonNode status = field(span, "status", "status");
        String statusCode = status == null ? "unset" : statusCode(field(status, "code", "code"));
        String statusMessage = status == null ? null : text(status, "message", "message");
        List<OtlpSpan.SpanEvent> events = new ArrayList<>();
        JsonNode evs = field(span, "events", "events");
        if (evs != null && evs.isArray()) {
            for (JsonNode e : evs) {
                if (!e.isObject()) continue;
                events.add(new OtlpSpan.SpanEvent(text(e, "name", "name"),
                        Times.unixNanos(field(e, "timeUnixNano", "time_unix_nano")),
                        AnyValues.keyValues(field(e, "attributes", "attributes"))));
            }
        }
        return new OtlpSpan(locator, traceId, spanId, parent, text(span, "name", "name"),
                spanKind(field(span, "kind", "kind")),
                Times.unixNanos(field(span, "startTimeUnixNano", "start_time_unix_nano")),
                Times.unixNanos(field(span, "endTimeUnixNano", "end_time_unix_nano")),
                statusCode, statusMessage, AnyValues.keyValues(field(span, "attributes", "attributes")),
                events, resource, scopeName);
    }

    /** STATUS_CODE_ERROR / 2 / "ERROR" → error; OK / 1 → ok; anything else → unset. */
    static String statusCode(JsonNode code) {
        if (code == null || code.isNull()) return "unset";
        String s = code.asText().toUpperCase(Locale.ROOT);
        if (s.equals("2") || s.endsWith("ERROR")) return "error";
        if (s.equals("1") || s.endsWith("OK")) return "ok";
        return "unset";
    }

    /** SPAN_KIND_CLIENT / 3 / "client" → client. */
    static String spanKind(JsonNode kind) {
        if (kind == null || kind.isNull()) return "unspecified";
        String s = kind.asText().toUpperCase(Locale.ROOT).replace("SPAN_KIND_", "");
        return switch (s) {
            case "1" -> "internal";
            case "2" -> "server";
            case "3" -> "client";
            case "4" -> "producer";
            case "5" -> "consumer";
            case "0" -> "unspecified";
            default -> s.toLowerCase(Locale.ROOT);
        };
    }

    private static JsonNode field(JsonNode n, String camel, String snake) {
        JsonNode v = n.get(camel);
        return v != null ? v : n.get(snake);
    }

    private static String text(JsonNode n, String camel, String snake) {
        JsonNode v = field(n, camel, snake);
        return v == null || v.isNull() ? null : v.asText();
    }
}
