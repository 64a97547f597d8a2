package dev.tracehound.importers.chatshape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.importers.read.Json;

/**
 * A tool call a model asked for. {@code arguments} is a JSON object when the source's arguments parse as JSON,
 * else a text node holding them as given.
 */
public record ToolCall(String id, String name, JsonNode arguments) {

    public static ToolCall of(String id, String name, JsonNode rawArguments) {
        return new ToolCall(id, name, Arguments.normalise(rawArguments));
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("name", name);
        n.set("arguments", arguments);
        return n;
    }

    /** {@code name(arguments)} as the TOOL_CALL text. */
    public String display() {
        return (name == null ? "?" : name) + "(" + (arguments == null ? "" : Json.text(arguments)) + ")";
    }
}
