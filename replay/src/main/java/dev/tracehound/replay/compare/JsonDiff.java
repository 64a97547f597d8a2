package dev.tracehound.replay.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.replay.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Compares two JSON values the way a person would call them "the same arguments": key order and whitespace do
 * not matter, numbers compare by value ({@code 1} = {@code 1.0} = {@code 1e0}), strings compare with surrounding
 * whitespace trimmed and inner runs of whitespace collapsed, and a string holding JSON compares as that JSON
 * (models sometimes double-encode arguments). Returns the paths that differ, like {@code $.to} or {@code $.items[1]}.
 */
public final class JsonDiff {
    private JsonDiff() {}

    public static List<String> diff(String a, String b) {
        return diff(Json.parseLenient(a), Json.parseLenient(b));
    }

    public static List<String> diff(JsonNode a, JsonNode b) {
        List<String> out = new ArrayList<>();
        walk("$", unwrap(a), unwrap(b), out);
        return out;
    }

    public static boolean alike(String a, String b) {
        return diff(a, b).isEmpty();
    }

    private static void walk(String path, JsonNode a, JsonNode b, List<String> out) {
        a = unwrap(a);
        b = unwrap(b);
        if (isNull(a) && isNull(b)) return;
        if (isNull(a) || isNull(b)) {
            out.add(path);
            return;
        }
        if (a.isObject() && b.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) walk(path + "." + k, a.get(k), b.get(k), out);
            return;
        }
        if (a.isArray() && b.isArray()) {
            int n = Math.max(a.size(), b.size());
            for (int i = 0; i < n; i++) walk(path + "[" + i + "]", a.get(i), b.get(i), out);
            return;
        }
        if (a.isNumber() && b.isNumber()) {
            if (a.decimalValue().compareTo(b.decimalValue()) != 0) out.add(path);
            return;
        }
        if (a.isTextual() && b.isTextual()) {
            if (!normalise(a.asText()).equals(normalise(b.asText()))) out.add(path);
            return;
        }
        if (a.isBoolean() && b.isBoolean()) {
            if (a.asBoolean() != b.asBoolean()) out.add(path);
            return;
        }
        // Different types: "5" vs 5 still counts as alike, as models often quote numbers.
        if (a.isValueNode() && b.isValueNode() && numberish(a) != null && numberish(a).equals(numberish(b))) return;
        out.add(path);
    }

    private static boolean isNull(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode();
    }

    private static JsonNode unwrap(JsonNode n) {
        if (n != null && n.isTextual()) {
            String t = n.asText().strip();
            if ((t.startsWith("{") && t.endsWith("}")) || (t.startsWith("[") && t.endsWith("]"))) {
                JsonNode parsed = Json.parseLenient(t);
                if (!parsed.isTextual()) return parsed;
            }
        }
        return n;
    }

    private static BigDecimal numberish(JsonNode n) {
        try {
            return new BigDecimal(n.asText().strip()).stripTrailingZeros();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String normalise(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    /** Field names at the top level, for messages. */
    static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) out.add(it.next());
        return out;
    }
}
