package dev.tracehound.importers.generic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.read.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Which source field holds what, for the generic importer. Defaults follow Timesketch's minimal schema
 * ({@code message}, {@code datetime} or {@code timestamp}, {@code timestamp_desc}). A mapping file is a JSON
 * object naming source fields (dotted paths reach into JSONL objects), for example
 * {@code {"text":"msg","time":"ts","kind":"event_type","actor":"user","session":"conversation","tool":"tool","model":"llm"}}.
 */
record FieldMapping(String text, String time, String kind, String actor, String session, String tool, String model, String name) {
    static final Set<String> KEYS = Set.of("text", "time", "kind", "actor", "session", "tool", "model", "name");

    static final FieldMapping TIMESKETCH = new FieldMapping("message", null, "kind", "actor", "session_id", "tool_name", "model", "timestamp_desc");

    static FieldMapping load(Path file) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the mapping file " + file + ": " + Json.reason(e));
        }
        if (node == null || !node.isObject()) throw new IllegalArgumentException("the mapping file " + file + " must hold a JSON object");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException("unknown key '" + e.getKey() + "' in mapping file " + file + "; known keys: " + String.join(", ", KEYS.stream().sorted().toList()));
            }
            if (!e.getValue().isTextual()) throw new IllegalArgumentException("mapping key '" + e.getKey() + "' must name a source field (a string)");
        }
        FieldMapping d = TIMESKETCH;
        return new FieldMapping(
                or(node, "text", d.text()), or(node, "time", d.time()), or(node, "kind", d.kind()), or(node, "actor", d.actor()),
                or(node, "session", d.session()), or(node, "tool", d.tool()), or(node, "model", d.model()), or(node, "name", d.name()));
    }

    private static String or(JsonNode n, String key, String fallback) {
        return n.hasNonNull(key) ? n.get(key).asText() : fallback;
    }
}
