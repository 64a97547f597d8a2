package dev.tracehound.importers.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The one Jackson setup every importer parses with. Hostile input is the norm here:
 * <ul>
 *   <li>nesting deeper than {@value #MAX_DEPTH} fails the record (quarantined) instead of overflowing the stack;</li>
 *   <li>strings up to {@link JsonLines#MAX_RECORD_BYTES} are allowed, since prompts and tool outputs are big;</li>
 *   <li>invalid UTF-8 fails the record with the parser's reason (we quarantine rather than guess at the text:
 *       the evidence keeps the exact bytes and the quarantine entry says where they are).</li>
 * </ul>
 */
public final class Json {
    public static final int MAX_DEPTH = 1_000;

    public static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(JsonLines.MAX_RECORD_BYTES)
                    .maxNumberLength(10_000)
                    .maxDocumentLength(-1)
                    .build())
            // a tree read at the deepest allowed nesting, wrapped in a payload object, can still be written
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_DEPTH + 100).build())
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    public static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // exact decimals: payloads show numbers as the source wrote them (0.0 stays 0.0, no double rounding)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private Json() {}

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static JsonNode parse(byte[] bytes, int offset, int length) throws IOException {
        try (var parser = FACTORY.createParser(bytes, offset, length)) {
            JsonNode node = MAPPER.readTree(parser);
            if (node == null) throw new IOException("empty record");
            if (parser.nextToken() != null) throw new IOException("unexpected data after the JSON value");
            return node;
        }
    }

    /** Compact JSON text of a tree ({@link JsonText}). */
    public static String write(JsonNode node) {
        return JsonText.of(node);
    }

    /** A parser message without Jackson's source excerpt, which may be huge or hostile. */
    public static String reason(Exception e) {
        String message = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        if (message == null) message = e.getClass().getSimpleName();
        message = message.replaceAll("\\s+", " ").strip();
        if (message.contains("Invalid UTF-8")) return "invalid UTF-8: " + message;
        if (message.contains("nesting depth")) return "nested deeper than " + MAX_DEPTH + " levels: " + shorten(message, 200);
        return "malformed JSON: " + shorten(message, 300);
    }

    /** Text of a field, or null when missing, null or not a value. Objects and arrays come back as JSON text. */
    public static String text(JsonNode node, String field) {
        if (node == null) return null;
        JsonNode v = node.get(field);
        return asText(v);
    }

    public static String asText(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return null;
        if (v.isValueNode()) return v.asText();
        return write(v);
    }

    public static Long asLong(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return null;
        if (v.isNumber()) return v.longValue();
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Parses text as JSON when it is a JSON object or array; otherwise returns it as a text node. */
    public static JsonNode parseLenient(String text) {
        if (text == null) return JsonNodeFactory.instance.nullNode();
        String t = text.strip();
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                return MAPPER.readTree(FACTORY.createParser(t));
            } catch (IOException e) {
                // not JSON after all: keep it as the string it was
            }
        }
        return JsonNodeFactory.instance.textNode(text);
    }

    public static String shorten(String s, int max) {
        if (s == null) return null;
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    // Lenient access for the span formats (OTLP, Langfuse, LangSmith) and chat shapes: JSON text found inside
    // JSON decoded again, however often it was encoded, and fields read whatever type they came as.

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
        return node.isTextual() ? node.asText() : write(node);
    }

    /** The first present, non-null text among the fields. */
    public static String firstText(JsonNode node, String... fields) {
        if (node == null) return null;
        for (String f : fields) {
            JsonNode v = node.get(f);
            if (v != null && !v.isNull() && !v.isMissingNode()) {
                String s = v.isValueNode() ? v.asText() : write(v);
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
            String s = node.asText().strip();
            try {
                return Long.parseLong(s); // the usual case (OTLP writes 64-bit ints as strings), without a BigDecimal
            } catch (NumberFormatException notPlain) {
                try {
                    return new java.math.BigDecimal(s).longValue();
                } catch (NumberFormatException e) {
                    return null;
                }
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
