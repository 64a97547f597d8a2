package dev.tracehound.importers.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.importers.EventSink;
import dev.tracehound.importers.read.Hashes;
import dev.tracehound.importers.read.InferredTimes;
import dev.tracehound.importers.read.Json;
import dev.tracehound.importers.read.Locators;
import dev.tracehound.importers.read.Times;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventFlag;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns the normalised messages of one chat session into events: system → SYSTEM_PROMPT, user →
 * USER_MESSAGE, assistant → MODEL_RESPONSE plus one TOOL_CALL per call, tool → TOOL_RESULT with the tool
 * name of the matching call. Holds only the call-id → tool-name map of the session.
 */
final class Conversation {
    private final String evidenceSha256;
    private final String sessionId;
    private final EventSink sink;
    private final InferredTimes inferred;
    private final Map<String, String> toolNames = new HashMap<>();
    private long sequence;
    String provider;
    String model;

    Conversation(String evidenceSha256, String sessionId, EventSink sink, InferredTimes inferred) {
        this.evidenceSha256 = evidenceSha256;
        this.sessionId = sessionId;
        this.sink = sink;
        this.inferred = inferred;
    }

    String sessionId() {
        return sessionId;
    }

    /** Emits one source message (which may normalise to several) found at {@code locator}. */
    void message(JsonNode raw, String locator, boolean historyCopy) {
        var parts = ChatMessages.normalise(raw);
        Long time = time(raw);
        for (int i = 0; i < parts.size(); i++) {
            emit(parts.get(i), i == 0 ? locator : Locators.part(locator, "part" + i), time, historyCopy);
        }
    }

    /** Emits an already normalised message; {@code historyCopy} marks messages repeated in every request. */
    void emit(ObjectNode m, String locator, Long time, boolean historyCopy) {
        String role = m.path("role").asText();
        String text = m.path("content").asText("");
        String dedup = historyCopy ? dedupKey(m) : null;
        Event.Builder b = base(locator, time).dedupKey(dedup);
        switch (role) {
            case "system" -> b.kind(EventKind.SYSTEM_PROMPT).actor("system").trust(Trust.SYSTEM).text(text);
            case "user" -> b.kind(EventKind.USER_MESSAGE).actor("user").trust(Trust.USER).text(text);
            case "assistant" -> {
                ObjectNode payload = Json.object();
                payload.put("content", text);
                if (m.has("tool_calls")) payload.set("tool_calls", m.get("tool_calls"));
                if (m.has("finish_reason")) payload.set("finish_reason", m.get("finish_reason"));
                b.kind(EventKind.MODEL_RESPONSE).actor("assistant").trust(Trust.MODEL).text(text).payloadJson(Json.write(payload));
            }
            case "tool" -> {
                String callId = m.path("tool_call_id").asText(null);
                String tool = callId != null && toolNames.containsKey(callId) ? toolNames.get(callId) : m.path("name").asText(null);
                boolean error = m.path("is_error").asBoolean(false);
                ObjectNode payload = Json.object();
                payload.put("content", text);
                payload.put("is_error", error);
                b.kind(EventKind.TOOL_RESULT).actor(tool).toolName(tool).toolCallId(callId).trust(Trust.TOOL_OUTPUT).text(text)
                        .payloadJson(Json.write(payload)).status(error ? "error" : null);
            }
            default -> b.kind(EventKind.NOTE).actor(role).text(text).payloadJson(Json.write(m));
        }
        Event responseEvent = b.build();
        sink.accept(responseEvent);
        JsonNode calls = m.get("tool_calls");
        if (calls != null && calls.isArray()) {
            for (int k = 0; k < calls.size(); k++) {
                JsonNode c = calls.get(k);
                String name = c.path("name").asText(null);
                String id = c.path("id").asText(null);
                if (id != null && name != null) toolNames.put(id, name);
                ObjectNode payload = Json.object();
                payload.put("name", name);
                payload.set("arguments", c.get("arguments"));
                sink.accept(base(Locators.part(locator, "tool_call" + k), time)
                        .dedupKey(dedup == null ? null : dedup + "#tool_call" + k)
                        .kind(EventKind.TOOL_CALL).actor("assistant").trust(Trust.MODEL)
                        .toolName(name).toolCallId(id).name(name)
                        .text(name + "(" + Json.asText(c.get("arguments")) + ")")
                        .payloadJson(Json.write(payload))
                        .build());
            }
        }
    }

    /** An event builder carrying this session's identity, the next sequence number and a time. */
    Event.Builder base(String locator, Long time) {
        Event.Builder b = Event.builder(evidenceSha256, locator).sessionId(sessionId).sequence(sequence++)
                .provider(provider).model(model);
        if (time != null) {
            b.startNanos(time);
        } else {
            b.startNanos(inferred.next(sink, locator)).flag(EventFlag.TIME_INFERRED);
        }
        return b;
    }

    private String dedupKey(ObjectNode m) {
        StringBuilder ids = new StringBuilder(m.path("tool_call_id").asText(""));
        for (JsonNode c : m.path("tool_calls")) ids.append(c.path("id").asText("")).append(',');
        return "msg:" + sessionId + ":" + Hashes.sha256(m.path("role").asText() + "|" + ids + "|" + m.path("content").asText(""));
    }

    private static Long time(JsonNode raw) {
        for (String field : new String[] {"timestamp", "created_at", "time", "created"}) {
            Long t = Times.nanos(raw.get(field));
            if (t != null) return t;
        }
        return null;
    }
}
