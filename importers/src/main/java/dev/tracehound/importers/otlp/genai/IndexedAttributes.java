package dev.tracehound.importers.otlp.genai;


import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.read.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Groups flattened list attributes ({@code llm.input_messages.0.message.role}, {@code gen_ai.prompt.1.content})
 * by their index: {@code group(attrs, "llm.input_messages.")} gives {0 → {message.role → …}, 1 → …}.
 */
final class IndexedAttributes {
    private IndexedAttributes() {}

    static SortedMap<Integer, Map<String, JsonNode>> group(Map<String, JsonNode> attrs, String prefix) {
        SortedMap<Integer, Map<String, JsonNode>> out = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : attrs.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(prefix)) continue;
            int dot = key.indexOf('.', prefix.length());
            String index = dot < 0 ? key.substring(prefix.length()) : key.substring(prefix.length(), dot);
            if (index.isEmpty() || index.length() > 6 || !index.chars().allMatch(Character::isDigit)) continue;
            String rest = dot < 0 ? "" : key.substring(dot + 1);
            out.computeIfAbsent(Integer.parseInt(index), i -> new LinkedHashMap<>()).put(rest, e.getValue());
        }
        return out;
    }

    static boolean any(Map<String, JsonNode> attrs, String prefix) {
        for (String k : attrs.keySet()) {
            if (k.startsWith(prefix)) return true;
        }
        return false;
    }

    static String text(Map<String, JsonNode> m, String key) {
        JsonNode v = m.get(key);
        if (v == null || v.isNull()) return null;
        return v.isTextual() ? v.asText() : Json.write(v);
    }
}
