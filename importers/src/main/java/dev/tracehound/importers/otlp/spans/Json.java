package dev.tracehound.importers.otlp.spans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON helpers for the span importers. Parsing goes through the import framework's one hostile-input
 * configuration ({@link dev.tracehound.importers.read.Json}: bounded nesting and string sizes, exact decimals);
 * this adds what span formats need on top: turning JSON text found inside JSON back into JSON, however often it
 * was encoded, and lenient field access.
 */
public final class Json {
    public static final int MAX_NESTING = dev.tracehound.importers.read.Json.MAX_DEPTH;

    public static final ObjectMapper MAPPER = dev.tracehound.importers.read.Json.MAPPER;

    private Json() {}

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Parses text when it looks like a JSON object or array; otherwise null. Never throws. */
    public static JsonNode parseIfJson(String text) {
        if (text == null) return null;
        String t = text.strip();
        if (t.length() < 2) return null;
        char first = t.charAt(0), last = t.charAt(t.length() - 1);
        boolean looksJson = (first == '{' && last == '}') || (first == '[' && last == ']')
                || (first == '"' && last == '"' && t.length() > 2);
        if (!looksJson) return null;
        try {
            return MAPPER.readTree(t);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Undoes JSON encoded as a string inside JSON, as often as it was applied (Langfuse traces carry input as a
     * string holding a string holding JSON). Plain text stays a text node.
     */
    public static JsonNode decodeNested(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 4 && current != null && current.isTextual(); depth++) {
            JsonNode parsed = parseIfJson(current.asText());
            if (parsed == null) break;
            current = parsed;
        }
        return current;
    }

    /** Text for a value: strings as they are, anything else as compact JSON; null stays null. */
    public static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return null;
        return node.isTextual() ? node.asText() : node.toString();
    }

    /** The first present, non-null text among the fields. */
    public static String firstText(JsonNode node, String... fields) {
        if (node == null) return null;
        for (String f : fields) {
            JsonNode v = node.get(f);
            if (v != null && !v.isNull() && !v.isMissingNode()) {
                String s = v.isValueNode() ? v.asText() : v.toString();
                if (!s.isEmpty()) return s;
            }
        }
        return null;
    }

    /** A number field as a long (numbers or numeric strings), else null. */
    public static Long longValue(JsonNode node) {
        if (node == null || node.isNull()) return null;
        if (node.isNumber()) return node.longValue();
        if (node.isTextual()) {
            try {
                return new java.math.BigDecimal(node.asText().strip()).longValue();
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    public static Double doubleValue(JsonNode node) {
        if (node == null || node.isNull()) return null;
        if (node.isNumber()) return node.doubleValue();
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Short excerpt of a record for quarantine messages. */
    public static String excerpt(String s, int max) {
        if (s == null) return "";
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
