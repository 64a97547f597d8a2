package dev.tracehound.importers.otlp.genai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.read.Json;
import java.util.List;
import java.util.Map;

/**
 * One OTLP span as read from the file, attributes already turned into plain JSON values.
 *
 * @param statusCode {@code ok}, {@code error} or {@code unset}
 * @param startNanos null when the span has no readable start time
 */
public record OtlpSpan(
        String locator,
        String traceId,
        String spanId,
        String parentSpanId,
        String name,
        String kind,
        Long startNanos,
        Long endNanos,
        String statusCode,
        String statusMessage,
        Map<String, JsonNode> attributes,
        List<SpanEvent> events,
        Map<String, JsonNode> resource,
        String scopeName) {

    /** A span event (OTel's in-span log): the deprecated GenAI message events and exceptions live here. */
    public record SpanEvent(String name, Long timeNanos, Map<String, JsonNode> attributes) {}

    public JsonNode attr(String key) {
        return attributes.get(key);
    }

    /** An attribute as text (non-strings as JSON), or null. */
    public String text(String key) {
        JsonNode v = attributes.get(key);
        if (v == null || v.isNull()) return null;
        return v.isTextual() ? v.asText() : Json.write(v);
    }

    public boolean isError() {
        return "error".equals(statusCode);
    }
}
