package dev.tracehound.importers.otlp.spans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.importers.EventSink;
import dev.tracehound.importers.read.SessionSequences;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventFlag;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.tracehound.importers.read.Json;
import dev.tracehound.importers.chatshape.ChatMessage;
import dev.tracehound.importers.chatshape.ChatMessages;
import dev.tracehound.importers.chatshape.MessageKinds;
import dev.tracehound.importers.chatshape.ToolCall;

/**
 * Turns {@link ObservedSpan}s into events by the rules of docs/event-model.md: span-level events carry the
 * dedup key {@code span:<traceId>:<spanId>:<part>}, input messages carry {@code msg:<sessionId>:<sha256>} so a
 * chat history repeated in every call is stored once, tool calls with an id carry {@code toolcall:<traceId>:<callId>}
 * (the model's request and the tool span are one call), and {@code sequence} counts events per session in the
 * order they were read.
 */
public final class SpanEventWriter {
    private static final int CALL_TEXT_MAX = 500;
    private static final int MAX_HELD_CALLS = 10_000;

    private final String evidenceSha256;
    private final EventSink sink;
    private final SessionSequences sequences = new SessionSequences();
    /**
     * Tool calls taken from a model's output, held until the tool span of the same call is written so the store
     * keeps that richer record (timing, status, result beside it) first; see {@link #toolCallKey}. Bounded: the
     * oldest is written out when too many wait, and {@link #finish} writes the rest.
     */
    private final LinkedHashMap<String, Event> heldCalls = new LinkedHashMap<>();
    private final MessageDigest sha256;

    public SpanEventWriter(String evidenceSha256, EventSink sink) {
        this.evidenceSha256 = evidenceSha256;
        this.sink = sink;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void write(ObservedSpan s) {
        switch (s.role) {
            case MODEL -> writeModel(s);
            case TOOL -> writeTool(s);
            case RETRIEVAL -> writeRetrieval(s);
            case AGENT -> emit(base(s, "", "step", EventKind.AGENT_STEP).trust(Trust.MODEL)
                    .text(s.name).actor(s.agentName).payloadJson(inputOutput(s)));
            case OTHER -> emit(base(s, "", "note", EventKind.NOTE).text(s.name).payloadJson(rawPayload(s)));
        }
        if (s.error) {
            emit(base(s, "#error", "error", EventKind.ERROR).parentId(s.spanId)
                    .text(s.errorMessage != null ? s.errorMessage : "span " + s.name + " ended with an error")
                    .startNanos(s.endNanos).endNanos(s.endNanos));
        }
    }

    private void writeModel(ObservedSpan s) {
        for (int i = 0; i < s.inputMessages.size(); i++) writeInputMessage(s, i, s.inputMessages.get(i));
        boolean notCaptured = !s.hasMessages();
        ObjectNode payload = Json.object();
        ArrayNode messages = payload.putArray("messages");
        s.inputMessages.forEach(m -> messages.add(m.toJson()));
        ArrayNode tools = payload.putArray("tools");
        s.tools.forEach(tools::add);
        payload.set("params", s.params == null ? Json.object() : s.params);
        Event.Builder call = base(s, "", "call", EventKind.MODEL_CALL).trust(Trust.MODEL)
                .actor(s.agentName).text(lastInputText(s)).payloadJson(Json.write(payload))
                .inputTokens(s.inputTokens).outputTokens(s.outputTokens).costUsd(s.costUsd);
        if (notCaptured) {
            call.flag(EventFlag.CONTENT_NOT_CAPTURED);
            sink.warn("content-not-captured", "model call '" + s.name + "' has no messages: content capture was off "
                    + "when it was recorded, so what the model read and wrote is not in the evidence", s.locator);
        }
        if (s.contentTruncated) call.flag(EventFlag.CONTENT_TRUNCATED);
        emit(call);
        if (!s.outputMessages.isEmpty()) writeResponse(s);
    }

    private void writeInputMessage(ObservedSpan s, int index, ChatMessage m) {
        EventKind kind = MessageKinds.kind(m.role());
        Trust trust = MessageKinds.trust(m.role());
        String text = m.displayText();
        Event.Builder b = Event.builder(evidenceSha256, s.locator + "#in" + index)
                .dedupKey("msg:" + s.sessionId + ":" + messageHash(m.role(), m.toolCallId(), text))
                .traceId(s.traceId).sessionId(s.sessionId).spanId(s.spanId).parentId(s.spanId)
                .sequence(next(s.sessionId)).startNanos(s.startNanos).endNanos(s.startNanos)
                .kind(kind).name(s.name).trust(trust).text(text).payloadJson(Json.write(m.toJson()))
                .actor(m.actor())
                .toolCallId(m.toolCallId()).toolName("tool".equals(m.role()) ? m.name() : null);
        if (s.timeInferred) b.flag(EventFlag.TIME_INFERRED);
        if (Truncation.isMarked(text)) b.flag(EventFlag.CONTENT_TRUNCATED);
        emit(b);
    }

    private void writeResponse(ObservedSpan s) {
        StringBuilder text = new StringBuilder();
        ObjectNode payload = Json.object();
        ArrayNode calls = Json.object().arrayNode();
        int callIndex = 0;
        for (ChatMessage m : s.outputMessages) {
            if (m.content() != null && !m.content().isEmpty()) {
                if (!text.isEmpty()) text.append('\n');
                text.append(m.content());
            }
            for (ToolCall c : m.toolCalls()) {
                calls.add(c.toJson());
                hold(toolCallKey(base(s, "#tool_call" + callIndex, "tool_call" + callIndex, EventKind.TOOL_CALL), s, c.id())
                        .parentId(s.spanId).trust(Trust.MODEL).actor(s.agentName != null ? s.agentName : "assistant")
                        .toolName(c.name()).toolCallId(c.id()).text(c.display())
                        .payloadJson(toolCallPayload(c.name(), c.arguments()))
                        .startNanos(s.endNanos).endNanos(s.endNanos).build());
                callIndex++;
            }
        }
        payload.put("content", text.toString());
        payload.set("tool_calls", calls);
        payload.put("finish_reason", s.finishReason);
        Event.Builder b = base(s, "#response", "response", EventKind.MODEL_RESPONSE).parentId(s.spanId)
                .trust(Trust.MODEL).actor(s.agentName != null ? s.agentName : "assistant")
                .text(text.isEmpty() ? calls.isEmpty() ? "" : s.outputMessages.getFirst().displayText() : text.toString())
                .payloadJson(Json.write(payload)).startNanos(s.endNanos).endNanos(s.endNanos);
        if (Truncation.isMarked(text.toString()) || s.contentTruncated) b.flag(EventFlag.CONTENT_TRUNCATED);
        emit(b);
    }

    private void writeTool(ObservedSpan s) {
        Event call = toolCallKey(base(s, "", "tool_call", EventKind.TOOL_CALL), s, s.toolCallId).trust(Trust.MODEL)
                .actor(s.agentName != null ? s.agentName : "assistant").toolName(s.toolName).toolCallId(s.toolCallId)
                .text(new ToolCall(s.toolCallId, s.toolName, s.toolArguments).display())
                .payloadJson(toolCallPayload(s.toolName, s.toolArguments)).build();
        sink.accept(call);
        if (call.dedupKey() != null) {
            Event asked = heldCalls.remove(call.dedupKey());
            if (asked != null) sink.accept(asked); // the model's request: the store lists it as further evidence
        }
        if (s.toolResult == null && !s.error) return;
        String text = s.toolResult == null ? s.errorMessage : ChatMessages.contentText(s.toolResult);
        ObjectNode payload = Json.object();
        payload.set("content", s.toolResult);
        payload.put("is_error", s.error);
        Event.Builder b = base(s, "#result", "tool_result", EventKind.TOOL_RESULT).parentId(s.spanId)
                .trust(Trust.TOOL_OUTPUT).actor(s.toolName).toolName(s.toolName).toolCallId(s.toolCallId)
                .text(text).payloadJson(Json.write(payload)).startNanos(s.endNanos).endNanos(s.endNanos);
        if (Truncation.isMarked(text) || s.contentTruncated) b.flag(EventFlag.CONTENT_TRUNCATED);
        emit(b);
    }

    private void writeRetrieval(ObservedSpan s) {
        if (s.documents.isEmpty()) {
            emit(base(s, "", "step", EventKind.AGENT_STEP).trust(Trust.MODEL).text(s.name).payloadJson(inputOutput(s)));
            return;
        }
        for (int i = 0; i < s.documents.size(); i++) {
            RetrievedDocument d = s.documents.get(i);
            ObjectNode payload = Json.object();
            payload.put("id", d.id());
            if (d.score() != null) payload.put("score", d.score());
            else payload.putNull("score");
            payload.set("metadata", d.metadata());
            payload.put("query", s.query);
            Event.Builder b = base(s, "#doc" + i, "doc" + i, EventKind.RETRIEVAL)
                    .parentId(s.parentSpanId)
                    .trust(Trust.RETRIEVED_DOCUMENT).text(d.content()).payloadJson(Json.write(payload));
            if (Truncation.isMarked(d.content())) b.flag(EventFlag.CONTENT_TRUNCATED);
            emit(b);
        }
    }

    /** The common fields of a span's events; {@code part} completes the dedup key. */
    private Event.Builder base(ObservedSpan s, String locatorSuffix, String part, EventKind kind) {
        Event.Builder b = Event.builder(evidenceSha256, s.locator + locatorSuffix)
                .traceId(s.traceId).sessionId(s.sessionId).spanId(s.spanId).parentId(s.parentSpanId)
                .sequence(next(s.sessionId)).startNanos(s.startNanos).endNanos(s.endNanos)
                .kind(kind).name(s.name).provider(s.provider).model(s.model)
                .status(s.error ? "error" : "ok");
        if (s.traceId != null && s.spanId != null) b.dedupKey("span:" + s.traceId + ":" + s.spanId + ":" + part);
        if (s.timeInferred) b.flag(EventFlag.TIME_INFERRED);
        return b;
    }

    /**
     * One tool call is often recorded twice: as a tool_call part of the model span's output and as the tool span
     * that ran it, both naming the same call id. A shared key makes the store keep the first and list the other
     * locator as further evidence, so reports do not count the call twice.
     */
    private static Event.Builder toolCallKey(Event.Builder b, ObservedSpan s, String callId) {
        if (s.traceId != null && callId != null && !callId.isBlank()) b.dedupKey("toolcall:" + s.traceId + ":" + callId);
        return b;
    }

    private void hold(Event call) {
        String key = call.dedupKey();
        if (key == null || !key.startsWith("toolcall:") || heldCalls.putIfAbsent(key, call) != null) {
            sink.accept(call);
            return;
        }
        if (heldCalls.size() > MAX_HELD_CALLS) {
            Iterator<Event> oldest = heldCalls.values().iterator();
            sink.accept(oldest.next());
            oldest.remove();
        }
    }

    /** Writes the tool calls still held (no tool span named them). Call once, after the last span. */
    public void finish() {
        heldCalls.values().forEach(sink::accept);
        heldCalls.clear();
    }

    private void emit(Event.Builder b) {
        sink.accept(b.build());
    }

    /** The next sequence number in a session, for events a format writes beside its spans (Langfuse scores). */
    public long nextSequence(String sessionId) {
        return next(sessionId);
    }

    private long next(String sessionId) {
        return sequences.next(sessionId == null ? "" : sessionId);
    }

    private static String lastInputText(ObservedSpan s) {
        List<ChatMessage> in = s.inputMessages;
        if (in.isEmpty()) return s.name;
        String t = in.getLast().displayText();
        return t.length() <= CALL_TEXT_MAX ? t : t.substring(0, CALL_TEXT_MAX) + "…";
    }

    private static String toolCallPayload(String name, JsonNode arguments) {
        ObjectNode p = Json.object();
        p.put("name", name);
        p.set("arguments", arguments);
        return Json.write(p);
    }

    private static String inputOutput(ObservedSpan s) {
        ObjectNode p = Json.object();
        p.set("input", s.input);
        p.set("output", s.output);
        return Json.write(p);
    }

    private static String rawPayload(ObservedSpan s) {
        if (s.raw != null) return Json.write(s.raw);
        return inputOutput(s);
    }

    /** The {@code msg:} key's hash over role, tool call id and text, so identical history messages collapse. */
    private String messageHash(String role, String toolCallId, String text) {
        sha256.reset();
        sha256.update((role + "|" + (toolCallId == null ? "" : toolCallId) + "|" + (text == null ? "" : text))
                .getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest());
    }
}
