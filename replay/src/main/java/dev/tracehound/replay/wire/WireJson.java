package dev.tracehound.replay.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.replay.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parsing helpers shared by the wire formats, with error messages that name what was being read. */
final class WireJson {
    private WireJson() {}

    static JsonNode read(byte[] body, String what) {
        if (body == null || body.length == 0) throw new ReplyParseException("empty body where an " + what + " was expected");
        return read(new String(body, StandardCharsets.UTF_8), what);
    }

    static JsonNode read(String text, String what) {
        if (text == null || text.isBlank()) throw new ReplyParseException("empty body where an " + what + " was expected");
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node == null || !node.isObject()) throw new ReplyParseException(what + " is not a JSON object");
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String head = text.length() > 80 ? text.substring(0, 80) + "…" : text;
            throw new ReplyParseException("malformed JSON in " + what + " (" + e.getOriginalMessage() + "): " + head.replace('\n', ' '));
        }
    }

    /** A 200 response can still carry an error object (Ollama, proxies, mid-stream errors). */
    static void failOnError(JsonNode root, WireFormat format, byte[] body) {
        if (root.has("error") || "error".equals(Json.text(root, "type"))) {
            String m = format.errorMessage(body);
            throw new ReplyParseException("provider returned an error: " + (m == null ? root.get("error") : m));
        }
    }

    static Map<String, Object> params(JsonNode root, String... keys) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : keys) {
            JsonNode v = root.get(k);
            if (v != null && v.isNumber()) out.put(k, v.numberValue());
        }
        return out;
    }
}
