package dev.tracehound.importers.chatshape;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.read.Json;

/** Tool-call arguments arrive as objects, as JSON strings or as plain text; this makes them an object when it can. */
public final class Arguments {
    private Arguments() {}

    public static JsonNode normalise(JsonNode raw) {
        if (raw == null || raw.isNull() || raw.isMissingNode()) return null;
        if (raw.isTextual()) {
            JsonNode parsed = Json.parseIfJson(raw.asText());
            if (parsed != null && (parsed.isObject() || parsed.isArray())) return parsed;
        }
        return raw;
    }
}
