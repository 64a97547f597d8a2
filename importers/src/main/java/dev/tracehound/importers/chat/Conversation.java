package dev.tracehound.importers.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.importers.EventSink;
import dev.tracehound.importers.chatshape.ChatMessage;
import dev.tracehound.importers.chatshape.ChatMessages;
import dev.tracehound.importers.chatshape.MessageKinds;
import dev.tracehound.importers.chatshape.ToolCall;
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
import java.util.List;
import java.util.Map;

/**
 * Turns the normalised messages of one chat session into events: system → SYSTEM_PROMPT, user →
 * USER_MESSAGE, assistant → MODEL_RESPONSE plus one TOOL_CALL per call, tool → TOOL_RESULT with the tool
 * name of the matching call, any other role → NOTE with that role as actor ({@link MessageKinds}). Holds only
 * the call-id → tool-name map of the session.
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
        emitAll(ChatMessages.fromMessage(raw), locator, time(raw), historyCopy, null);
    }

    /**
     * Emits the messages one source message normalised to: the first at {@code locator}, the others at
     * {@code #partN}. {@code finishReason} (of a response) goes on the assistant's payload.
     */
    void emitAll(List<ChatMessage> parts, String locator, Long time, boolean historyCopy, String finishReason) {
        for (int i = 0; i < parts.size(); i++) {
            emit(parts.get(i), i == 0 ? locator : Locators.part(locator, "part" + i), time, historyCopy, finishReason);
        }
    }

    /** Emits one normalised message; {@code historyCopy} marks messages repeated in every request. */
    void emit(ChatMessage m, String locator, Long time, boolean historyCopy, String finishReason) {
        String text = m.content() == null ? "" : m.content();
        String dedup = historyCopy ? dedupKey(m) : null;
        EventKind kind = MessageKinds.kind(m.role());
        Event.Builder b = base(locator, time).dedupKey(dedup).kind(kind).trust(MessageKinds.trust(m.role())).text(text);
        switch (kind) {
            case MODEL_RESPONSE -> {
                ObjectNode payload = Json.object();
                payload.put("content", text);
                if (!m.toolCalls().isEmpty()) payload.set("tool_calls", m.toJson().get("tool_calls"));
                if (finishReason != null) payload.put("finish_reason", finishReason);
                b.actor(m.actor()).payloadJson(Json.write(payload));
            }
            case TOOL_RESULT -> {
                String callId = m.toolCallId();
                String tool = callId != null && toolNames.containsKey(callId) ? toolNames.get(callId) : m.name();
                ObjectNode payload = Json.object();
                payload.put("content", text);
                payload.put("is_error", m.isError());
                b.actor(tool != null ? tool : m.actor()).toolName(tool).toolCallId(callId)
                        .payloadJson(Json.write(payload)).status(m.isError() ? "error" : null);
            }
            case NOTE -> b.actor(m.actor()).payloadJson(Json.write(m.toJson()));
            default -> b.actor(m.actor());
        }
        sink.accept(b.build());
        for (int k = 0; k < m.toolCalls().size(); k++) {
            ToolCall c = m.toolCalls().get(k);
            if (c.id() != null && c.name() != null) toolNames.put(c.id(), c.name());
            ObjectNode payload = Json.object();
            payload.put("name", c.name());
            payload.set("arguments", c.arguments());
            sink.accept(base(Locators.part(locator, "tool_call" + k), time)
                    .dedupKey(dedup == null ? null : dedup + "#tool_call" + k)
                    .kind(EventKind.TOOL_CALL).actor("assistant").trust(Trust.MODEL)
                    .toolName(c.name()).toolCallId(c.id()).name(c.name())
                    .text(c.display())
                    .payloadJson(Json.write(payload))
                    .build());
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

    private String dedupKey(ChatMessage m) {
        StringBuilder ids = new StringBuilder(m.toolCallId() == null ? "" : m.toolCallId());
        for (ToolCall c : m.toolCalls()) ids.append(c.id() == null ? "" : c.id()).append(',');
        return "msg:" + sessionId + ":" + Hashes.sha256(m.role() + "|" + ids + "|" + (m.content() == null ? "" : m.content()));
    }

    private static Long time(JsonNode raw) {
        for (String field : new String[] {"timestamp", "created_at", "time", "created"}) {
            Long t = Times.nanos(raw.get(field));
            if (t != null) return t;
        }
        return null;
    }
}
