package dev.tracehound.app.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehound.timeline.event.Event;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** An event as a JSON object for {@code --json} output and exports: every field, times in ISO and nanoseconds. */
public final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {}

    public static Map<String, Object> of(Event e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventId", e.eventId());
        m.put("time", TimeFormat.iso(e.startNanos())); // 0 too: the first inferred time; flags says TIME_INFERRED
        m.put("startNanos", e.startNanos());
        m.put("endNanos", e.endNanos());
        m.put("kind", e.kind().name());
        m.put("name", e.name());
        m.put("actor", e.actor());
        m.put("provider", e.provider());
        m.put("model", e.model());
        m.put("tool", e.toolName());
        m.put("toolCallId", e.toolCallId());
        m.put("sessionId", e.sessionId());
        m.put("traceId", e.traceId());
        m.put("spanId", e.spanId());
        m.put("parentId", e.parentId());
        m.put("sequence", e.sequence());
        m.put("inputTokens", e.inputTokens());
        m.put("outputTokens", e.outputTokens());
        m.put("costUsd", e.costUsd());
        m.put("status", e.status());
        m.put("trust", e.trust().name());
        m.put("flags", new TreeSet<>(e.flags().stream().map(Enum::name).toList()));
        m.put("text", e.text());
        m.put("payload", payload(e.payloadJson()));
        m.put("evidence", Map.of("sha256", e.evidenceSha256(), "locator", e.locator()));
        return m;
    }

    /** The payload as JSON when it parses, else as the original string (never dropped). */
    private static Object payload(String json) {
        if (json == null) return null;
        try {
            JsonNode n = MAPPER.readTree(json);
            return n;
        } catch (java.io.IOException e) {
            return json;
        }
    }
}
