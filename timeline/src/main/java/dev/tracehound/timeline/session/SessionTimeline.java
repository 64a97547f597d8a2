package dev.tracehound.timeline.session;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reconstructed session: its events in time and causal order, the span tree, tool calls paired with their
 * results, and the sub-agent sessions launched from its tool calls.
 *
 * @param launchedBy for a sub-agent session: the TOOL_CALL event of the parent session that started it
 */
public record SessionTimeline(
        String sessionId,
        List<Event> events,
        List<SessionNode> roots,
        List<ToolExchange> toolExchanges,
        List<SessionTimeline> children,
        Event launchedBy) {

    public SessionTimeline {
        events = List.copyOf(events);
        roots = List.copyOf(roots);
        toolExchanges = List.copyOf(toolExchanges);
        children = List.copyOf(children);
    }

    public SessionTimeline withChildren(List<SessionTimeline> kids) {
        return new SessionTimeline(sessionId, events, roots, toolExchanges, kids, launchedBy);
    }

    public SessionTimeline launchedBy(Event call) {
        return new SessionTimeline(sessionId, events, roots, toolExchanges, children, call);
    }

    public List<Event> ofKind(EventKind kind) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }

    /** This session's events followed by those of its sub-agent sessions (depth first), for flows that cross into children. */
    public List<Event> eventsWithChildren() {
        List<Event> all = new ArrayList<>(events);
        for (SessionTimeline child : children) all.addAll(child.eventsWithChildren());
        return all;
    }

    public Optional<Event> resultOf(Event call) {
        return toolExchanges.stream().filter(x -> x.call().eventId().equals(call.eventId()) && x.result() != null)
                .map(ToolExchange::result).findFirst();
    }

    public Optional<Event> callOf(Event result) {
        return toolExchanges.stream().filter(x -> x.result() != null && x.result().eventId().equals(result.eventId()))
                .map(ToolExchange::call).findFirst();
    }

    /** Position of each event in {@link #events()}, for "before/after" questions. */
    public Map<String, Integer> positions() {
        Map<String, Integer> pos = new HashMap<>();
        for (int i = 0; i < events.size(); i++) pos.putIfAbsent(events.get(i).eventId(), i);
        return pos;
    }
}
