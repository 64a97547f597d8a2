package dev.tracehound.importers.otlp.genai;


import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.otlp.spans.SpanRole;
import java.util.List;
import java.util.Map;

/**
 * OTel span attributes found outside OTLP files (Langfuse keeps an OTel-ingested span's attributes in its
 * observation metadata): what the span did, its provider, tool call id and conversation, read by the same rules
 * as OTLP spans.
 */
public final class OtelAttributes {
    private OtelAttributes() {}

    public static SpanRole role(Map<String, JsonNode> attributes) {
        return GenAiInterpreter.role(span(attributes));
    }

    public static String provider(Map<String, JsonNode> attributes) {
        return GenAiInterpreter.provider(span(attributes));
    }

    public static String session(Map<String, JsonNode> attributes) {
        return SessionKeys.of(span(attributes));
    }

    public static String first(Map<String, JsonNode> attributes, String... keys) {
        OtlpSpan s = span(attributes);
        for (String k : keys) {
            String v = s.text(k);
            if (v != null && !v.isEmpty()) return v;
        }
        return null;
    }

    private static OtlpSpan span(Map<String, JsonNode> attributes) {
        return new OtlpSpan("", "", "", null, "", "unspecified", null, null, "unset", null, attributes, List.of(), Map.of(), null);
    }
}
