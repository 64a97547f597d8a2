package dev.tracehound.timeline.session;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.EventStore;
import dev.tracehound.timeline.store.SessionSummary;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds {@link SessionTimeline}s. Order is by time, then sequence, but causality wins over clocks: a span's
 * parent comes before its children and a tool call before its result, even when skewed clocks say otherwise.
 */
public final class SessionReconstructor {
    private SessionReconstructor() {}

    private static final Comparator<Event> BY_TIME =
            Comparator.comparingLong(Event::startNanos).thenComparingLong(Event::sequence);

    /** Reconstructs one session from its events (any order). */
    public static SessionTimeline build(String sessionId, List<Event> events) {
        List<Event> byTime = new ArrayList<>(events);
        byTime.sort(BY_TIME); // stable: ties keep the store's ingest order
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < byTime.size(); i++) rank.put(byTime.get(i).eventId(), i);

        // Several events may carry one span id (a span and the parts read from it, such as a model call's messages,
        // which may sort first at the same instant). The span itself is the one whose parent is not that span.
        Map<String, Event> spanOwner = new LinkedHashMap<>();
        for (Event e : byTime) if (e.spanId() != null && !e.spanId().equals(e.parentId())) spanOwner.putIfAbsent(e.spanId(), e);
        for (Event e : byTime) if (e.spanId() != null) spanOwner.putIfAbsent(e.spanId(), e);
        Map<Event, Event> parentOf = new HashMap<>();
        for (Event e : byTime) {
            Event parent = parentEvent(e, spanOwner);
            if (parent != null && parent != e) parentOf.put(e, parent);
        }
        List<ToolExchange> exchanges = pairTools(byTime);

        List<Event> ordered = causalOrder(byTime, rank, parentOf, exchanges);
        return new SessionTimeline(sessionId, ordered, tree(ordered, parentOf), exchanges, List.of(), null);
    }

    /** The session's parent span event: the owner of its parentId, or of its own spanId when a part shares the span. */
    private static Event parentEvent(Event e, Map<String, Event> spanOwner) {
        if (e.parentId() != null && spanOwner.containsKey(e.parentId())) return spanOwner.get(e.parentId());
        if (e.spanId() != null) {
            Event owner = spanOwner.get(e.spanId());
            if (owner != e) return owner;
        }
        return null;
    }

    /** Pairs calls and results by toolCallId; what is left pairs by adjacency (a result answers the latest open call). */
    static List<ToolExchange> pairTools(List<Event> byTime) {
        Map<String, Event> callsById = new HashMap<>();
        Map<String, ToolExchange> exchangeOfCall = new LinkedHashMap<>();
        for (Event e : byTime) {
            if (e.kind() == EventKind.TOOL_CALL) {
                exchangeOfCall.put(e.eventId(), new ToolExchange(e, null, false));
                if (e.toolCallId() != null) callsById.putIfAbsent(e.toolCallId(), e);
            }
        }
        Deque<Event> openWithoutId = new ArrayDeque<>();
        for (Event e : byTime) {
            if (e.kind() == EventKind.TOOL_CALL && e.toolCallId() == null) openWithoutId.addLast(e);
            if (e.kind() != EventKind.TOOL_RESULT) continue;
            Event call = e.toolCallId() != null ? callsById.get(e.toolCallId()) : null;
            boolean byId = call != null;
            if (call == null) call = adjacentOpenCall(openWithoutId, e);
            if (call == null) continue;
            ToolExchange existing = exchangeOfCall.get(call.eventId());
            if (existing.result() == null) exchangeOfCall.put(call.eventId(), new ToolExchange(call, e, byId));
        }
        return new ArrayList<>(exchangeOfCall.values());
    }

    private static Event adjacentOpenCall(Deque<Event> open, Event result) {
        // Prefer the oldest open call of the same tool, else the oldest open call.
        for (Event c : open) {
            if (result.toolName() != null && result.toolName().equals(c.toolName())) {
                open.remove(c);
                return c;
            }
        }
        return open.pollFirst();
    }

    /** Kahn's algorithm over parent→child and call→result edges, always taking the earliest ready event. */
    private static List<Event> causalOrder(List<Event> byTime, Map<String, Integer> rank, Map<Event, Event> parentOf, List<ToolExchange> exchanges) {
        Map<Event, List<Event>> after = new HashMap<>();
        Map<Event, Integer> waiting = new HashMap<>();
        for (Map.Entry<Event, Event> edge : parentOf.entrySet()) addEdge(edge.getValue(), edge.getKey(), after, waiting);
        for (ToolExchange x : exchanges) if (x.result() != null) addEdge(x.call(), x.result(), after, waiting);

        PriorityQueue<Event> ready = new PriorityQueue<>(Comparator.comparingInt(e -> rank.get(e.eventId())));
        for (Event e : byTime) if (waiting.getOrDefault(e, 0) == 0) ready.add(e);
        List<Event> ordered = new ArrayList<>(byTime.size());
        Set<Event> done = new HashSet<>();
        while (ordered.size() < byTime.size()) {
            if (ready.isEmpty()) {
                // a cycle in bad data: release the earliest remaining event rather than lose it
                byTime.stream().filter(e -> !done.contains(e)).findFirst().ifPresent(ready::add);
            }
            Event e = ready.poll();
            if (!done.add(e)) continue;
            ordered.add(e);
            for (Event next : after.getOrDefault(e, List.of())) {
                int left = waiting.merge(next, -1, Integer::sum);
                if (left == 0 && !done.contains(next)) ready.add(next);
            }
        }
        return ordered;
    }

    private static void addEdge(Event from, Event to, Map<Event, List<Event>> after, Map<Event, Integer> waiting) {
        if (from == to) return;
        after.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
        waiting.merge(to, 1, Integer::sum);
    }

    private static List<SessionNode> tree(List<Event> ordered, Map<Event, Event> parentOf) {
        Map<Event, List<Event>> kids = new LinkedHashMap<>();
        List<Event> roots = new ArrayList<>();
        for (Event e : ordered) {
            Event p = parentOf.get(e);
            if (p == null) roots.add(e);
            else kids.computeIfAbsent(p, k -> new ArrayList<>()).add(e);
        }
        List<SessionNode> out = new ArrayList<>();
        for (Event r : roots) out.add(node(r, kids, new HashSet<>()));
        return out;
    }

    private static SessionNode node(Event e, Map<Event, List<Event>> kids, Set<Event> path) {
        path.add(e);
        List<SessionNode> children = new ArrayList<>();
        for (Event k : kids.getOrDefault(e, List.of())) if (!path.contains(k)) children.add(node(k, kids, path));
        path.remove(e);
        return new SessionNode(e, children);
    }

    /**
     * Attaches sub-agent sessions: a session whose events point (parentId) at a TOOL_CALL span of another
     * session becomes that session's child. Returns the top-level sessions.
     */
    public static List<SessionTimeline> link(List<SessionTimeline> sessions) {
        Map<String, Event> callBySpan = new HashMap<>();
        Map<String, String> sessionOfCall = new HashMap<>();
        for (SessionTimeline s : sessions) {
            for (Event e : s.events()) {
                if (e.kind() == EventKind.TOOL_CALL && e.spanId() != null) {
                    callBySpan.putIfAbsent(e.spanId(), e);
                    sessionOfCall.putIfAbsent(e.spanId(), s.sessionId());
                }
            }
        }
        Map<String, List<SessionTimeline>> kidsOf = new HashMap<>();
        Set<String> isChild = new HashSet<>();
        for (SessionTimeline s : sessions) {
            Event launcher = launcherOf(s, callBySpan, sessionOfCall);
            if (launcher != null) {
                kidsOf.computeIfAbsent(launcher.sessionId(), k -> new ArrayList<>()).add(s.launchedBy(launcher));
                isChild.add(s.sessionId());
            }
        }
        List<SessionTimeline> roots = new ArrayList<>();
        for (SessionTimeline s : sessions) {
            if (!isChild.contains(s.sessionId())) roots.add(attach(s, kidsOf, new HashSet<>()));
        }
        return roots;
    }

    private static SessionTimeline attach(SessionTimeline s, Map<String, List<SessionTimeline>> kidsOf, Set<String> path) {
        if (!path.add(s.sessionId())) return s;
        List<SessionTimeline> kids = new ArrayList<>(s.children());
        for (SessionTimeline k : kidsOf.getOrDefault(s.sessionId(), List.of())) kids.add(attach(k, kidsOf, path));
        path.remove(s.sessionId());
        return s.withChildren(kids);
    }

    private static Event launcherOf(SessionTimeline s, Map<String, Event> callBySpan, Map<String, String> sessionOfCall) {
        Set<String> ownSpans = new HashSet<>();
        for (Event e : s.events()) if (e.spanId() != null) ownSpans.add(e.spanId());
        for (Event e : s.events()) {
            String p = e.parentId();
            if (p != null && !ownSpans.contains(p) && callBySpan.containsKey(p)
                    && !Objects.equals(sessionOfCall.get(p), s.sessionId())) {
                return callBySpan.get(p);
            }
        }
        return null;
    }

    /** Loads a session and, recursively, the sub-agent sessions the store lists as its children. */
    public static SessionTimeline fromStore(EventStore store, String sessionId) {
        return fromStore(store, sessionId, store.sessions());
    }

    /** As {@link #fromStore(EventStore, String)}, with the session list already at hand (callers walking every session). */
    public static SessionTimeline fromStore(EventStore store, String sessionId, List<SessionSummary> sessions) {
        return load(store, sessionId, parent -> childrenListed(parent.sessionId(), sessions), new HashSet<>());
    }

    /**
     * Loads a session with its sub-agent sessions, found through the search index: sessions with events whose
     * parent is one of this session's TOOL_CALL spans (plus any the store lists as children).
     */
    public static SessionTimeline fromCase(Case c, String sessionId, List<SessionSummary> sessions) {
        return load(c.events(), sessionId, parent -> {
            Set<String> kids = new LinkedHashSet<>(childrenListed(parent.sessionId(), sessions));
            kids.addAll(SubAgents.sessionsLaunchedFrom(c.search(), parent));
            return kids;
        }, new HashSet<>());
    }

    private static Set<String> childrenListed(String sessionId, List<SessionSummary> sessions) {
        Set<String> out = new LinkedHashSet<>();
        for (SessionSummary s : sessions) if (sessionId.equals(s.parentSessionId())) out.add(s.sessionId());
        return out;
    }

    private static SessionTimeline load(EventStore store, String sessionId, Function<SessionTimeline, Set<String>> childrenOf, Set<String> path) {
        path.add(sessionId);
        SessionTimeline parent = build(sessionId, store.session(sessionId));
        Map<String, Event> callBySpan = new HashMap<>();
        Map<String, String> sessionOfCall = new HashMap<>();
        for (Event e : parent.ofKind(EventKind.TOOL_CALL)) {
            if (e.spanId() != null) {
                callBySpan.putIfAbsent(e.spanId(), e);
                sessionOfCall.putIfAbsent(e.spanId(), sessionId);
            }
        }
        List<SessionTimeline> kids = new ArrayList<>();
        for (String childId : childrenOf.apply(parent)) {
            if (path.contains(childId)) continue;
            SessionTimeline child = load(store, childId, childrenOf, path);
            Event launcher = launcherOf(child, callBySpan, sessionOfCall);
            kids.add(launcher == null ? child : child.launchedBy(launcher));
        }
        return parent.withChildren(kids);
    }
}
