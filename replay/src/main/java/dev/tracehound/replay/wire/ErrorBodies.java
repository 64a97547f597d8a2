package dev.tracehound.replay.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.replay.Json;
import java.nio.charset.StandardCharsets;

/** Finds the human message in provider error bodies: {@code {"error":{"message"}}} or {@code {"error":"..."}}. */
final class ErrorBodies {
    private ErrorBodies() {}

    static String message(byte[] body) {
        if (body == null || body.length == 0) return null;
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            JsonNode root = Json.MAPPER.readTree(text);
            JsonNode error = root == null ? null : root.get("error");
            if (error == null) return null;
            if (error.isTextual()) return error.asText();
            String m = Json.text(error, "message");
            return m != null ? m : error.toString();
        } catch (Exception e) {
            return text.length() > 200 ? text.substring(0, 200) + "…" : text;
        }
    }
}
