package dev.tracehound.replay.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.replay.Json;

/**
 * A tool call in a model's reply. {@code arguments} is the parsed JSON (a text node when the model wrote
 * arguments that are not JSON); {@code argumentsJson} the text as received.
 */
public record ReplyToolCall(String id, String name, String argumentsJson) {

    public JsonNode arguments() {
        return Json.parseLenient(argumentsJson);
    }
}
