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
        Event launchedBy) implements SessionBranch {

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

    /**
     * What hangs under a node, in the order it happened: its child events and the sub-agent sessions its event
     * launched. A sub-agent runs inside its call, so it comes right under the call, before the call's result (what the
     * sub-agent returned) and whatever followed the result, whatever the clocks say; a child event that began before
     * the sub-agent (a progress note of the call) stays before it.
     */
    public List<SessionBranch> under(SessionNode node) {
        List<SessionTimeline> launched = launchedFrom(node.event());
        if (launched.isEmpty()) return List.copyOf(node.children());
        String result = resultOf(node.event()).map(Event::eventId).orElse(null);
        List<SessionBranch> out = new ArrayList<>();
        int next = 0;
        for (SessionNode child : node.children()) {
            boolean afterTheSubAgents = child.event().eventId().equals(result) || child.event().kind() == EventKind.TOOL_RESULT;
            while (next < launched.size() && (afterTheSubAgents || startOf(launched.get(next)) <= child.event().startNanos())) {
                out.add(launched.get(next++));
            }
            out.add(child);
        }
        while (next < launched.size()) out.add(launched.get(next++));
        return out;
    }

    /** The sub-agent sessions this session's event launched, by start time. */
    public List<SessionTimeline> launchedFrom(Event call) {
        List<SessionTimeline> out = new ArrayList<>();
        for (SessionTimeline child : children) {
            if (child.launchedBy() != null && child.launchedBy().eventId().equals(call.eventId())) out.add(child);
        }
        out.sort(java.util.Comparator.comparingLong(SessionTimeline::startOf));
        return out;
    }

    /** The sub-agent sessions no event of this session launched (listed as children by the store, their call unknown). */
    public List<SessionTimeline> launchedFromNowhere() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Event e : events) ids.add(e.eventId());
        return children.stream().filter(c -> c.launchedBy() == null || !ids.contains(c.launchedBy().eventId())).toList();
    }

    /** When the session began: its earliest event (a session of no events sorts last). */
    private static long startOf(SessionTimeline s) {
        return s.events.stream().mapToLong(Event::startNanos).min().orElse(Long.MAX_VALUE);
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
