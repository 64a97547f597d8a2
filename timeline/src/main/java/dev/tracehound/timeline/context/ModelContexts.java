package dev.tracehound.timeline.context;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import dev.tracehound.timeline.session.SessionTimeline;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Rebuilds what each model invocation of a session saw, as pure functions over the session's events.
 *
 * <p>With MODEL_CALL events the call's own payload is the truth: its messages, in order, with each part
 * linked to the message event it matches. Transcripts without call events (chat, Claude Code) get one context
 * per assistant turn: everything said before it in the session.
 */
public final class ModelContexts {
    private ModelContexts() {}

    private static final Set<EventKind> CONVERSATION = Set.of(EventKind.SYSTEM_PROMPT, EventKind.USER_MESSAGE,
            EventKind.MODEL_RESPONSE, EventKind.TOOL_CALL, EventKind.TOOL_RESULT, EventKind.RETRIEVAL);

    public static List<ModelContext> of(SessionTimeline session) {
        List<Event> events = session.events();
        boolean hasCalls = events.stream().anyMatch(e -> e.kind() == EventKind.MODEL_CALL);
        return hasCalls ? fromCalls(session) : fromTranscript(session);
    }

    // ---- payload path ----

    private static List<ModelContext> fromCalls(SessionTimeline session) {
        List<Event> events = session.events();
        MessageIndex index = new MessageIndex(events);
        List<ModelContext> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Event call = events.get(i);
            if (call.kind() != EventKind.MODEL_CALL) continue;
            JsonNode payload = Payloads.of(call);
            List<ContextPart> input = payload.has("messages")
                    ? linkedInput(payload.get("messages"), call, i, index)
                    : transcriptInput(events.subList(0, i));
            Map<String, Object> params = payload.has("params") && payload.get("params").isObject()
                    ? nonNullParams(payload.get("params")) : Map.of();
            // the call's span also carries the history it was sent (an assistant turn of an earlier call among them):
            // what its input is linked to is not its output
            Set<String> inputEvents = new HashSet<>();
            Set<String> inputToolCalls = new HashSet<>();
            for (ContextPart part : input) {
                if (part.sourceEventId() != null) inputEvents.add(part.sourceEventId());
                for (ContextPart.ToolCall tc : part.toolCalls()) if (tc.id() != null) inputToolCalls.add(tc.id());
            }
            out.add(new ModelContext(call.eventId(), call.sessionId(), call.provider(), call.model(), input,
                    Payloads.tools(payload.get("tools")), params, outputOfCall(call, i, events, inputEvents, inputToolCalls)));
        }
        return out;
    }

    private static Map<String, Object> nonNullParams(JsonNode params) {
        Map<String, Object> out = new LinkedHashMap<>();
        params.fields().forEachRemaining(f -> {
            if (!f.getValue().isNull()) out.put(f.getKey(), Payloads.JSON.convertValue(f.getValue(), Object.class));
        });
        return out;
    }

    private static List<ContextPart> linkedInput(JsonNode messages, Event call, int callIndex, MessageIndex index) {
        List<ContextPart> parts = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (JsonNode m : messages) {
            String role = m.path("role").asText("user");
            String text = Payloads.text(m.get("content"));
            String toolCallId = m.hasNonNull("tool_call_id") ? m.get("tool_call_id").asText() : null;
            String name = m.hasNonNull("name") ? m.get("name").asText() : null;
            List<ContextPart.ToolCall> calls = Payloads.toolCalls(m.get("tool_calls"));
            Event source = index.source(kindsOfRole(role), text, toolCallId, call, callIndex, used);
            if (source != null) used.add(source.eventId());
            Trust trust = source != null ? source.trust() : trustOfRole(role);
            parts.add(new ContextPart(role, text, calls, toolCallId, name, trust, source == null ? null : source.eventId()));
        }
        return parts;
    }

    private static Set<EventKind> kindsOfRole(String role) {
        return switch (role) {
            case "system", "developer" -> Set.of(EventKind.SYSTEM_PROMPT);
            case "user" -> Set.of(EventKind.USER_MESSAGE);
            case "assistant" -> Set.of(EventKind.MODEL_RESPONSE);
            case "tool", "function" -> Set.of(EventKind.TOOL_RESULT);
            case "document" -> Set.of(EventKind.RETRIEVAL);
            default -> Set.of();
        };
    }

    static Trust trustOfRole(String role) {
        return switch (role) {
            case "system", "developer" -> Trust.SYSTEM;
            case "user" -> Trust.USER;
            case "assistant" -> Trust.MODEL;
            case "tool", "function" -> Trust.TOOL_OUTPUT;
            case "document" -> Trust.RETRIEVED_DOCUMENT;
            default -> Trust.UNKNOWN;
        };
    }

    static String normalise(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /**
     * The response of a call: events derived from its span, else the MODEL_RESPONSE (and TOOL_CALLs) before the next
     * call; never one of the events its input was linked to.
     */
    private static List<ContextPart> outputOfCall(Event call, int index, List<Event> events, Set<String> inputEvents,
            Set<String> inputToolCalls) {
        Event response = null;
        List<Event> calls = new ArrayList<>();
        for (int j = index + 1; j < events.size(); j++) {
            Event e = events.get(j);
            if (e.kind() == EventKind.MODEL_CALL) break;
            if (inputEvents.contains(e.eventId()) || e.kind() == EventKind.TOOL_CALL && inputToolCalls.contains(e.toolCallId())) continue;
            // parts written from the call's span before the call itself are the history it was sent (importers number a
            // span's input messages, the call, then its output, in that order)
            if (e.sequence() < call.sequence() && Objects.equals(call.spanId(), e.parentId())) continue;
            boolean derived = call.spanId() != null && Objects.equals(call.spanId(), e.parentId()) || Objects.equals(call.spanId(), e.spanId());
            if (e.kind() == EventKind.MODEL_RESPONSE && response == null && (derived || call.spanId() == null || noDerivedResponse(call, events))) response = e;
            else if (e.kind() == EventKind.TOOL_CALL && (derived || call.spanId() == null)) calls.add(e);
        }
        if (response == null && calls.isEmpty()) return List.of();
        return List.of(assistantPart(response, calls));
    }

    private static boolean noDerivedResponse(Event call, List<Event> events) {
        return events.stream().noneMatch(e -> e.kind() == EventKind.MODEL_RESPONSE
                && (Objects.equals(call.spanId(), e.parentId()) || Objects.equals(call.spanId(), e.spanId())));
    }

    // ---- transcript path ----

    private static List<ModelContext> fromTranscript(SessionTimeline session) {
        List<Event> events = session.events();
        List<ModelContext> out = new ArrayList<>();
        Set<String> coveredCalls = coveredToolCalls(events);
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            boolean turn = e.kind() == EventKind.MODEL_RESPONSE
                    || e.kind() == EventKind.TOOL_CALL && !coveredCalls.contains(e.eventId()) && !previousIsAssistant(events, i);
            if (!turn) continue;
            List<Event> group = new ArrayList<>();
            for (int j = i + 1; j < events.size() && events.get(j).kind() == EventKind.TOOL_CALL && !coveredCalls.contains(events.get(j).eventId()); j++) {
                group.add(events.get(j));
            }
            Event response = e.kind() == EventKind.MODEL_RESPONSE ? e : null;
            if (response == null) group.add(0, e);
            out.add(new ModelContext(e.eventId(), e.sessionId(), e.provider(), e.model(),
                    transcriptInput(events.subList(0, i)), List.of(), Map.of(), List.of(assistantPart(response, group))));
        }
        return out;
    }

    /** TOOL_CALL events already listed in a MODEL_RESPONSE payload's tool_calls (by toolCallId). */
    private static Set<String> coveredToolCalls(List<Event> events) {
        Set<String> ids = new HashSet<>();
        for (Event e : events) {
            if (e.kind() != EventKind.MODEL_RESPONSE) continue;
            for (ContextPart.ToolCall c : Payloads.toolCalls(Payloads.of(e).get("tool_calls"))) if (c.id() != null) ids.add(c.id());
        }
        Set<String> covered = new HashSet<>();
        for (Event e : events) if (e.kind() == EventKind.TOOL_CALL && e.toolCallId() != null && ids.contains(e.toolCallId())) covered.add(e.eventId());
        return covered;
    }

    /** True when the previous event is an assistant turn or an uncovered tool call (same assistant message). */
    private static boolean previousIsAssistant(List<Event> events, int i) {
        if (i == 0) return false;
        Event prev = events.get(i - 1);
        return prev.kind() == EventKind.MODEL_RESPONSE || prev.kind() == EventKind.TOOL_CALL;
    }

    /** Everything said before an invocation, as the ordered parts of a chat request. */
    static List<ContextPart> transcriptInput(List<Event> before) {
        Set<String> covered = coveredToolCalls(before);
        List<ContextPart> parts = new ArrayList<>();
        for (Event e : before) {
            if (!CONVERSATION.contains(e.kind())) continue;
            switch (e.kind()) {
                case SYSTEM_PROMPT -> parts.add(new ContextPart("system", e.text(), List.of(), null, null, e.trust(), e.eventId()));
                case USER_MESSAGE -> parts.add(new ContextPart("user", e.text(), List.of(), null, null, e.trust(), e.eventId()));
                case MODEL_RESPONSE -> parts.add(assistantPart(e, List.of()));
                case TOOL_CALL -> {
                    if (covered.contains(e.eventId())) break;
                    ContextPart last = parts.isEmpty() ? null : parts.get(parts.size() - 1);
                    ContextPart.ToolCall tc = toolCallOf(e);
                    if (last != null && last.role().equals("assistant")) {
                        List<ContextPart.ToolCall> calls = new ArrayList<>(last.toolCalls());
                        calls.add(tc);
                        parts.set(parts.size() - 1, new ContextPart("assistant", last.text(), calls, null, last.name(), last.trust(), last.sourceEventId()));
                    } else {
                        parts.add(new ContextPart("assistant", "", List.of(tc), null, null, e.trust(), e.eventId()));
                    }
                }
                case TOOL_RESULT -> parts.add(new ContextPart("tool", e.text(), List.of(), e.toolCallId(), e.toolName(), e.trust(), e.eventId()));
                case RETRIEVAL -> parts.add(new ContextPart("document", e.text(), List.of(), null, e.name(), e.trust(), e.eventId()));
                default -> { }
            }
        }
        return parts;
    }

    /** An assistant part: the response's text and tool calls (payload first), plus separate TOOL_CALL events. */
    private static ContextPart assistantPart(Event response, List<Event> toolCallEvents) {
        List<ContextPart.ToolCall> calls = new ArrayList<>();
        String text = "";
        if (response != null) {
            JsonNode p = Payloads.of(response);
            text = p.has("content") ? Payloads.text(p.get("content")) : response.text();
            if (text == null || text.isEmpty()) text = response.text() == null ? "" : response.text();
            calls.addAll(Payloads.toolCalls(p.get("tool_calls")));
        }
        Set<String> ids = new HashSet<>();
        for (ContextPart.ToolCall c : calls) if (c.id() != null) ids.add(c.id());
        for (Event e : toolCallEvents) if (e.toolCallId() == null || !ids.contains(e.toolCallId())) calls.add(toolCallOf(e));
        Event source = response != null ? response : toolCallEvents.isEmpty() ? null : toolCallEvents.get(0);
        return new ContextPart("assistant", text, calls, null, null, source == null ? Trust.MODEL : source.trust(),
                source == null ? null : source.eventId());
    }

    private static ContextPart.ToolCall toolCallOf(Event call) {
        JsonNode p = Payloads.of(call);
        String name = call.toolName() != null ? call.toolName() : p.path("name").asText(null);
        return new ContextPart.ToolCall(call.toolCallId(), name, Payloads.toolArguments(call));
    }
}
