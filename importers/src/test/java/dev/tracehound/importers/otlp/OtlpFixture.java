package dev.tracehound.importers.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.importers.read.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Builds OTLP/JSON test input: spans with AnyValue-encoded attributes, wrapped in an ExportTraceServiceRequest. */
public final class OtlpFixture {
    private OtlpFixture() {}

    /** A span with hex ids, times in nanoseconds as strings, kind CLIENT and the given attributes. */
    public static ObjectNode span(String traceId, String spanId, String parentSpanId, String name, JsonNode attributes) {
        ObjectNode s = Json.object();
        s.put("traceId", traceId);
        s.put("spanId", spanId);
        if (parentSpanId != null) s.put("parentSpanId", parentSpanId);
        s.put("name", name);
        s.put("kind", "SPAN_KIND_CLIENT");
        s.put("startTimeUnixNano", "1760000000000000000");
        s.put("endTimeUnixNano", "1760000001000000000");
        s.set("attributes", attributes(attributes));
        return s;
    }

    /** The attributes of a flat map ({"gen_ai.request.model": "gpt-4", ...}) as an OTLP KeyValue list. */
    public static ArrayNode attributes(JsonNode flat) {
        ArrayNode list = Json.object().arrayNode();
        if (flat == null) return list;
        flat.properties().forEach(e -> {
            ObjectNode kv = list.addObject();
            kv.put("key", e.getKey());
            kv.set("value", anyValue(e.getValue()));
        });
        return list;
    }

    public static ObjectNode anyValue(JsonNode v) {
        ObjectNode any = Json.object();
        if (v.isTextual()) any.put("stringValue", v.asText());
        else if (v.isIntegralNumber()) any.put("intValue", v.asText());
        else if (v.isNumber()) any.put("doubleValue", v.doubleValue());
        else if (v.isBoolean()) any.put("boolValue", v.booleanValue());
        else if (v.isArray()) {
            ArrayNode values = any.putObject("arrayValue").putArray("values");
            v.forEach(x -> values.add(anyValue(x)));
        } else if (v.isObject()) {
            any.putObject("kvlistValue").set("values", attributes(v));
        }
        return any;
    }

    /** One ExportTraceServiceRequest holding the spans in one scope. */
    public static ObjectNode request(JsonNode... spans) {
        ObjectNode req = Json.object();
        ObjectNode rs = req.putArray("resourceSpans").addObject();
        rs.putObject("resource").set("attributes", attributes(Json.object().put("service.name", "test-app")));
        ObjectNode ss = rs.putArray("scopeSpans").addObject();
        ss.putObject("scope").put("name", "tracehound.test");
        ArrayNode list = ss.putArray("spans");
        for (JsonNode s : spans) list.add(s);
        return req;
    }

    public static JsonNode readJson(Path file) {
        try {
            return Json.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode flat(Map<String, ?> values) {
        return Json.MAPPER.valueToTree(values);
    }
}
