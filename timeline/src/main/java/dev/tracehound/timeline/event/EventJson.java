package dev.tracehound.timeline.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.TreeSet;

/**
 * Tracehound's own JSON form of an {@link Event}: every field, snake_case keys, times as integer
 * nanoseconds ({@code start_nanos}, {@code end_nanos}) plus an ISO-8601 {@code time} for people (ignored
 * when read). {@code payload_json} stays a string, so it round-trips byte for byte. Unknown keys are ignored
 * when reading, so newer files still load.
 */
public final class EventJson {
    private EventJson() {}

    public static ObjectNode toJson(Event e) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("event_id", e.eventId());
        o.put("evidence_sha256", e.evidenceSha256());
        o.put("locator", e.locator());
        putIfPresent(o, "dedup_key", e.dedupKey());
        putIfPresent(o, "trace_id", e.traceId());
        putIfPresent(o, "session_id", e.sessionId());
        putIfPresent(o, "span_id", e.spanId());
        putIfPresent(o, "parent_id", e.parentId());
        o.put("sequence", e.sequence());
        o.put("time", iso(e.startNanos()));
        o.put("start_nanos", e.startNanos());
        o.put("end_nanos", e.endNanos());
        o.put("kind", e.kind().name());
        putIfPresent(o, "name", e.name());
        putIfPresent(o, "actor", e.actor());
        putIfPresent(o, "provider", e.provider());
        putIfPresent(o, "model", e.model());
        putIfPresent(o, "tool_name", e.toolName());
        putIfPresent(o, "tool_call_id", e.toolCallId());
        if (e.inputTokens() != null) o.put("input_tokens", e.inputTokens());
        if (e.outputTokens() != null) o.put("output_tokens", e.outputTokens());
        if (e.costUsd() != null) o.put("cost_usd", e.costUsd());
        putIfPresent(o, "status", e.status());
        putIfPresent(o, "text", e.text());
        putIfPresent(o, "payload_json", e.payloadJson());
        o.put("trust", e.trust().name());
        ArrayNode flags = o.putArray("flags");
        new TreeSet<>(e.flags()).forEach(f -> flags.add(f.name()));
        return o;
    }

    /** The event exactly as written, ids and evidence included. */
    public static Event fromJson(JsonNode o) {
        String evidence = required(o, "evidence_sha256");
        String locator = required(o, "locator");
        return fill(Event.builder(evidence, locator), o).eventId(required(o, "event_id")).build();
    }

    /**
     * A builder with every content field of {@code o} but the identity of a new evidence file and locator
     * ({@code event_id}, {@code evidence_sha256} and {@code locator} of {@code o} are not used).
     */
    public static Event.Builder builder(JsonNode o, String evidenceSha256, String locator) {
        return fill(Event.builder(evidenceSha256, locator), o);
    }

    private static Event.Builder fill(Event.Builder b, JsonNode o) {
        if (o == null || !o.isObject()) throw new IllegalArgumentException("an event must be a JSON object");
        String kind = required(o, "kind");
        EventKind parsedKind = EventKind.parse(kind);
        if (parsedKind == EventKind.NOTE && !"NOTE".equalsIgnoreCase(kind.strip())) {
            throw new IllegalArgumentException("unknown event kind '" + kind + "'");
        }
        long start = longOf(o, "start_nanos", 0L);
        b.kind(parsedKind)
                .dedupKey(text(o, "dedup_key"))
                .traceId(text(o, "trace_id"))
                .sessionId(text(o, "session_id"))
                .spanId(text(o, "span_id"))
                .parentId(text(o, "parent_id"))
                .sequence(longOf(o, "sequence", 0L))
                .startNanos(start)
                .endNanos(longOf(o, "end_nanos", start))
                .name(text(o, "name"))
                .actor(text(o, "actor"))
                .provider(text(o, "provider"))
                .model(text(o, "model"))
                .toolName(text(o, "tool_name"))
                .toolCallId(text(o, "tool_call_id"))
                .inputTokens(o.hasNonNull("input_tokens") ? longOf(o, "input_tokens", 0L) : null)
                .outputTokens(o.hasNonNull("output_tokens") ? longOf(o, "output_tokens", 0L) : null)
                .costUsd(o.hasNonNull("cost_usd") ? o.get("cost_usd").asDouble() : null)
                .status(text(o, "status"))
                .text(text(o, "text"))
                .payloadJson(payload(o))
                .trust(Trust.parse(text(o, "trust")));
        JsonNode flags = o.get("flags");
        if (flags != null && flags.isArray()) {
            for (JsonNode f : flags) {
                try {
                    b.flag(EventFlag.valueOf(f.asText()));
                } catch (IllegalArgumentException ignored) {
                    // a flag from a newer version: unknown here, nothing to set
                }
            }
        }
        return b;
    }

    /** {@code payload_json} as written; a {@code payload} object (hand-written files) is accepted too. */
    private static String payload(JsonNode o) {
        JsonNode p = o.get("payload_json");
        if (p != null && !p.isNull()) return p.isTextual() ? p.asText() : p.toString();
        JsonNode q = o.get("payload");
        return q == null || q.isNull() ? null : q.toString();
    }

    private static void putIfPresent(ObjectNode o, String key, String value) {
        if (value != null) o.put(key, value);
    }

    private static String text(JsonNode o, String key) {
        JsonNode v = o.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String required(JsonNode o, String key) {
        String v = o == null ? null : text(o, key);
        if (v == null || v.isBlank()) throw new IllegalArgumentException("missing \"" + key + "\"");
        return v;
    }

    private static long longOf(JsonNode o, String key, long fallback) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) return fallback;
        if (v.canConvertToLong()) return v.longValue();
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.asText().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + key + "\" is not an integer: " + v.asText());
            }
        }
        throw new IllegalArgumentException("\"" + key + "\" is not an integer");
    }

    private static String iso(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)).toString();
    }
}
