package dev.tracehound.importers.otlp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.importers.read.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OTLP AnyValue ({@code {stringValue|intValue|doubleValue|boolValue|arrayValue|kvlistValue|bytesValue}}) to
 * plain JSON: strings, numbers (intValue may be a string; kept exact), booleans, arrays and objects. Also reads
 * the snake_case spelling some exporters use.
 */
public final class AnyValues {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AnyValues() {}

    public static JsonNode plain(JsonNode any) {
        if (any == null || any.isNull() || !any.isObject()) return any == null ? F.nullNode() : any;
        JsonNode v;
        if ((v = field(any, "stringValue", "string_value")) != null) return v.isTextual() ? v : F.textNode(v.asText());
        if ((v = field(any, "intValue", "int_value")) != null) {
            Long l = Json.longValue(v);
            return l == null ? v : F.numberNode(l);
        }
        if ((v = field(any, "doubleValue", "double_value")) != null) {
            Double d = Json.doubleValue(v);
            return d == null ? v : F.numberNode(d);
        }
        if ((v = field(any, "boolValue", "bool_value")) != null) {
            return v.isBoolean() ? v : F.booleanNode("true".equalsIgnoreCase(v.asText()));
        }
        if ((v = field(any, "arrayValue", "array_value")) != null) {
            ArrayNode out = F.arrayNode();
            JsonNode values = v.get("values");
            if (values != null && values.isArray()) values.forEach(x -> out.add(plain(x)));
            return out;
        }
        if ((v = field(any, "kvlistValue", "kvlist_value")) != null) {
            ObjectNode out = F.objectNode();
            keyValues(v.get("values")).forEach(out::set);
            return out;
        }
        if ((v = field(any, "bytesValue", "bytes_value")) != null) return F.textNode(v.asText());
        return any.isEmpty() ? F.nullNode() : any;
    }

    /**
     * An OTLP KeyValue list ({@code [{key, value:AnyValue}]}) as an ordered map of plain values. Some tools write
     * attributes as a JSON object instead ({@code {"gen_ai.request.model": "gpt-4o"}}, values plain or AnyValue);
     * that is read too, rather than losing the attributes.
     */
    public static Map<String, JsonNode> keyValues(JsonNode list) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (list != null && list.isObject()) {
            list.properties().forEach(e -> out.put(e.getKey(), isAnyValue(e.getValue()) ? plain(e.getValue()) : e.getValue()));
            return out;
        }
        if (list == null || !list.isArray()) return out;
        for (JsonNode kv : list) {
            if (kv == null || !kv.isObject()) continue;
            JsonNode key = kv.get("key");
            if (key == null || !key.isTextual()) continue;
            out.put(key.asText(), plain(kv.get("value")));
        }
        return out;
    }

    /**
     * {@link #keyValues(JsonNode)} straight from a parser at the list's first token, which it consumes. The common
     * shape, {@code [{"key": k, "value": {"stringValue": s}}]}, builds no tree; anything else is read as one and
     * goes through the same rules.
     */
    public static Map<String, JsonNode> keyValues(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) return keyValues(p.<JsonNode>readValueAsTree());
        Map<String, JsonNode> out = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String key = null;
            JsonNode value = null;
            boolean textKey = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (field.equals("key")) {
                    textKey = v == JsonToken.VALUE_STRING;
                    key = textKey ? p.getText() : null;
                    p.skipChildren();
                } else if (field.equals("value")) {
                    value = plain(p);
                } else {
                    p.skipChildren();
                }
            }
            if (textKey) out.put(key, value == null ? F.nullNode() : value);
        }
        return out;
    }

    /** {@link #plain(JsonNode)} from a parser at the value's first token; a lone {@code stringValue} builds no tree. */
    private static JsonNode plain(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) return plain(p.<JsonNode>readValueAsTree());
        ObjectNode any = F.objectNode();
        if (p.nextToken() != JsonToken.FIELD_NAME) return plain(any); // {}
        String field = p.currentName();
        if (p.nextToken() == JsonToken.VALUE_STRING && (field.equals("stringValue") || field.equals("string_value"))) {
            String text = p.getText();
            if (p.nextToken() == JsonToken.END_OBJECT) return F.textNode(text); // the common case
            any.put(field, text);
        } else {
            any.set(field, p.<JsonNode>readValueAsTree());
            p.nextToken();
        }
        for (; p.currentToken() == JsonToken.FIELD_NAME; p.nextToken()) { // more fields: the general rule decides
            String next = p.currentName();
            p.nextToken();
            any.set(next, p.<JsonNode>readValueAsTree());
        }
        return plain(any);
    }

    private static boolean isAnyValue(JsonNode v) {
        if (v == null || !v.isObject() || v.size() != 1) return false;
        String k = v.fieldNames().next();
        return k.endsWith("Value") || k.endsWith("_value");
    }

    private static JsonNode field(JsonNode n, String camel, String snake) {
        JsonNode v = n.get(camel);
        return v != null ? v : n.get(snake);
    }
}
