package dev.tracehound.importers.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.read.Json;

/**
 * Token usage from OpenAI ({@code prompt_tokens}/{@code completion_tokens}, or {@code input_tokens}/{@code output_tokens})
 * and Anthropic usage objects. Anthropic reports cached input apart from {@code input_tokens}; the input
 * recorded here is their sum (what the model actually read), and the payload keeps the breakdown.
 */
public record Usage(Long inputTokens, Long outputTokens) {
    public static final Usage NONE = new Usage(null, null);

    public static Usage of(JsonNode usage) {
        if (usage == null || !usage.isObject()) return NONE;
        Long in = first(usage, "prompt_tokens", "input_tokens");
        Long cacheWrite = Json.asLong(usage.get("cache_creation_input_tokens"));
        Long cacheRead = Json.asLong(usage.get("cache_read_input_tokens"));
        if (in != null && (cacheWrite != null || cacheRead != null)) {
            in = in + (cacheWrite == null ? 0 : cacheWrite) + (cacheRead == null ? 0 : cacheRead);
        }
        Long out = first(usage, "completion_tokens", "output_tokens");
        return new Usage(in, out);
    }

    private static Long first(JsonNode n, String a, String b) {
        Long v = Json.asLong(n.get(a));
        return v != null ? v : Json.asLong(n.get(b));
    }
}
