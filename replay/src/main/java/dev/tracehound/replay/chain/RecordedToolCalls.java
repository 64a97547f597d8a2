package dev.tracehound.replay.chain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.replay.Json;
import dev.tracehound.replay.compare.JsonDiff;
import dev.tracehound.timeline.context.ContextPart;
import dev.tracehound.timeline.context.ModelContext;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tool calls a session recorded, each with its recorded result: the only answers a chain replay may give a
 * model. Read from TOOL_CALL / TOOL_RESULT events (paired by tool call id) and, for formats that only carry
 * them inside model inputs, from the assistant calls and tool parts of the session's contexts. Each recording is
 * used at most once, so a model that repeats a call does not get the same answer twice.
 */
public final class RecordedToolCalls {

    /** A recorded call and its result; {@code resultEventId} is null when the result came from a context part. */
    public record Recorded(String callId, String name, String argumentsJson, String result, String resultEventId) {}

    private final List<Recorded> recorded;
    private final Set<Integer> used = new HashSet<>();

    public RecordedToolCalls(List<Recorded> recorded) {
        this.recorded = List.copyOf(recorded);
    }

    public static RecordedToolCalls from(List<Event> sessionEvents, List<ModelContext> contexts) {
        Map<String, String[]> calls = new LinkedHashMap<>(); // id -> {name, args}
        Map<String, String[]> results = new HashMap<>();      // id -> {text, eventId}
        int anonymous = 0;
        for (Event e : sessionEvents) {
            if (e.kind() == EventKind.TOOL_CALL) {
                JsonNode payload = Json.parseLenient(e.payloadJson());
                String name = e.toolName() != null ? e.toolName() : Json.text(payload, "name");
                JsonNode args = payload.isObject() ? payload.get("arguments") : null;
                String argsJson = args == null || args.isNull() ? "{}" : args.isTextual() ? args.asText() : args.toString();
                String id = e.toolCallId() != null ? e.toolCallId() : "anonymous-" + anonymous++;
                calls.putIfAbsent(id, new String[] {name, argsJson});
            } else if (e.kind() == EventKind.TOOL_RESULT && e.toolCallId() != null) {
                results.putIfAbsent(e.toolCallId(), new String[] {resultText(e), e.eventId()});
            }
        }
        for (ModelContext c : contexts) {
            for (ContextPart p : c.input()) {
                for (ContextPart.ToolCall tc : p.toolCalls())
                    if (tc.id() != null) calls.putIfAbsent(tc.id(), new String[] {tc.name(), tc.argumentsJson()});
                if ("tool".equals(p.role()) && p.toolCallId() != null)
                    results.putIfAbsent(p.toolCallId(), new String[] {p.text(), p.sourceEventId()});
            }
        }
        List<Recorded> out = new ArrayList<>();
        calls.forEach((id, c) -> {
            String[] r = results.get(id);
            if (r != null) out.add(new Recorded(id, c[0], c[1], r[0], r[1]));
        });
        return new RecordedToolCalls(out);
    }

    private static String resultText(Event e) {
        if (e.text() != null) return e.text();
        JsonNode payload = Json.parseLenient(e.payloadJson());
        JsonNode content = payload.isObject() ? payload.get("content") : payload;
        return content == null || content.isNull() ? "" : content.isTextual() ? content.asText() : content.toString();
    }

    public List<Recorded> all() {
        return recorded;
    }

    /** Takes the first unused recording of the same tool with equivalent arguments. */
    public synchronized Optional<Recorded> take(String name, String argumentsJson) {
        for (int i = 0; i < recorded.size(); i++) {
            Recorded r = recorded.get(i);
            if (used.contains(i) || !r.name().equals(name)) continue;
            if (JsonDiff.alike(r.argumentsJson(), argumentsJson)) {
                used.add(i);
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Recorded calls of the same tool, for explaining a divergence ("recorded with other arguments"). */
    public List<Recorded> sameTool(String name) {
        return recorded.stream().filter(r -> r.name().equals(name)).toList();
    }
}
