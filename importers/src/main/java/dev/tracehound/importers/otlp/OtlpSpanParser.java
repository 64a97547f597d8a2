package dev.tracehound.importers.otlp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.otlp.genai.OtlpSpan;
import dev.tracehound.importers.otlp.spans.Times;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one OTLP span object straight from the parser, without a tree of the whole span (a span is read once, and
 * the tree and its attribute wrappers were most of what reading cost): ids to hex, times to nanos, enums from
 * integers or names, attributes to plain JSON. Both spellings of every field are read (camelCase as the JSON
 * mapping writes it, snake_case as some exporters do); when a field appears twice the last one counts.
 */
final class OtlpSpanParser {
    private OtlpSpanParser() {}

    /** Reads the span whose START_OBJECT the parser is at, up to its END_OBJECT, even when the span is bad. */
    static OtlpSpan parse(JsonParser p, String locator, Map<String, JsonNode> resource, String scopeName)
            throws IOException, BadRecordException {
        String traceId = null, spanId = null, parent = null, name = null;
        JsonNode kind = null, start = null, end = null, status = null;
        Map<String, JsonNode> attributes = Map.of();
        List<OtlpSpan.SpanEvent> events = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "traceId", "trace_id" -> traceId = text(p);
                case "spanId", "span_id" -> spanId = text(p);
                case "parentSpanId", "parent_span_id" -> parent = text(p);
                case "name" -> name = text(p);
                case "kind" -> kind = p.readValueAsTree();
                case "startTimeUnixNano", "start_time_unix_nano" -> start = p.readValueAsTree();
                case "endTimeUnixNano", "end_time_unix_nano" -> end = p.readValueAsTree();
                case "status" -> status = p.readValueAsTree();
                case "attributes" -> attributes = AnyValues.keyValues(p);
                case "events" -> events = events(p.readValueAsTree());
                default -> p.skipChildren();
            }
        }
        traceId = OtelIds.normalise(traceId);
        spanId = OtelIds.normalise(spanId);
        if (traceId == null) throw new BadRecordException("span has no valid traceId");
        if (spanId == null) throw new BadRecordException("span has no valid spanId");
        boolean hasStatus = status != null && !status.isNull();
        String statusCode = hasStatus ? statusCode(field(status, "code", "code")) : "unset";
        String statusMessage = hasStatus ? text(status, "message", "message") : null;
        return new OtlpSpan(locator, traceId, spanId, OtelIds.normalise(parent), name, spanKind(kind),
                Times.unixNanos(start), Times.unixNanos(end), statusCode, statusMessage, attributes, events,
                resource, scopeName);
    }

    private static List<OtlpSpan.SpanEvent> events(JsonNode evs) {
        List<OtlpSpan.SpanEvent> events = new ArrayList<>();
        if (evs == null || !evs.isArray()) return events;
        for (JsonNode e : evs) {
            if (!e.isObject()) continue;
            events.add(new OtlpSpan.SpanEvent(text(e, "name", "name"),
                    Times.unixNanos(field(e, "timeUnixNano", "time_unix_nano")),
                    AnyValues.keyValues(field(e, "attributes", "attributes"))));
        }
        return events;
    }

    /** A field's value as text, as {@link JsonNode#asText()} reads it: scalars as written, containers as "", null as null. */
    private static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            return "";
        }
        return p.getText();
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
