package dev.tracehound.playbooks.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a YAML document starts, by JSON pointer ({@code /phases/containment/2/id}), so problems found
 * after data binding (duplicate ids, dangling branches) can still name a line and column.
 */
final class Locations {
    private final Map<String, JsonLocation> byPointer = new HashMap<>();

    /**
     * Reads the whole document once, which is also the syntax check: malformed YAML fails here, before data binding
     * could report a less helpful "wrong kind of value" for the same mistake.
     */
    static Locations of(String yaml) throws IOException {
        Locations l = new Locations();
        try (JsonParser p = Yaml.YAML.getFactory().createParser(yaml)) {
            if (p.nextToken() != null) l.walk(p, "");
            if (p.nextToken() != null) throw new com.fasterxml.jackson.core.JsonParseException(p, "more than one YAML document in the file");
        }
        return l;
    }

    private void walk(JsonParser p, String pointer) throws IOException {
        byPointer.putIfAbsent(pointer, p.currentTokenLocation());
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String child = pointer + "/" + p.currentName().replace("~", "~0").replace("/", "~1");
                byPointer.putIfAbsent(child, p.currentTokenLocation());
                p.nextToken();
                walk(p, child);
            }
        } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) walk(p, pointer + "/" + i++);
        }
    }

    /** The location of the pointer, or of its nearest ancestor that exists. */
    JsonLocation at(String pointer) {
        String p = pointer;
        while (true) {
            JsonLocation l = byPointer.get(p);
            if (l != null || p.isEmpty()) return l;
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}
