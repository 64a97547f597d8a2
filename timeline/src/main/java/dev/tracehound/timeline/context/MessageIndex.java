package dev.tracehound.timeline.context;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the message event a payload message came from, in constant time per message: long sessions repeat
 * their whole history in every call, so a scan per message would be quadratic.
 */
final class MessageIndex {
    private final List<Event> events;
    private final Map<String, List<Integer>> byText = new HashMap<>();
    private final Map<String, List<Integer>> byToolCallId = new HashMap<>();

    MessageIndex(List<Event> events) {
        this.events = events;
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            String text = ModelContexts.normalise(e.text());
            if (!text.isEmpty()) byText.computeIfAbsent(key(e.kind(), text), k -> new ArrayList<>()).add(i);
            if (e.kind() == EventKind.TOOL_RESULT && e.toolCallId() != null) {
                byToolCallId.computeIfAbsent(e.toolCallId(), k -> new ArrayList<>()).add(i);
            }
        }
    }

    private static String key(EventKind kind, String text) {
        return kind.name() + '\u0000' + text;
    }

    /**
     * Same kind (role) and same text, or the same toolCallId for tool results. Events derived from this very
     * call (parentId = its span) win, then the latest event before the call; an event already linked to an
     * earlier part of the same call is not linked twice.
     */
    Event source(Set<EventKind> kinds, String text, String toolCallId, Event call, int callIndex, Set<String> used) {
        TreeSet<Integer> candidates = new TreeSet<>();
        String normalised = ModelContexts.normalise(text);
        if (!normalised.isEmpty()) for (EventKind k : kinds) candidates.addAll(byText.getOrDefault(key(k, normalised), List.of()));
        if (toolCallId != null && kinds.contains(EventKind.TOOL_RESULT)) candidates.addAll(byToolCallId.getOrDefault(toolCallId, List.of()));
        Event best = null;
        for (int i : candidates) {
            Event e = events.get(i);
            if (used.contains(e.eventId())) continue;
            if (call.spanId() != null && Objects.equals(call.spanId(), e.parentId())) return e;
            if (i <= callIndex) best = e;
        }
        return best;
    }
}
