package dev.tracehound.app.ui.timeline;

import dev.tracehound.timeline.event.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A session's events as a tree of who-caused-what: an event hangs under the event whose span id or event id
 * its {@code parentId} names; events without a known parent are roots. Children keep the session's time order.
 * A malformed source with a parent cycle cannot loop: an event joins the tree once.
 */
public final class CausalTree {

    /** A node; {@code event} is null only for the invisible root. */
    public record Node(Event event, List<Node> children) {}

    private CausalTree() {}

    public static Node build(List<Event> timeOrdered) {
        Map<String, Event> byKey = new HashMap<>();
        for (Event e : timeOrdered) byKey.putIfAbsent(e.eventId(), e);
        // Several events may carry one span id (a span and the parts read from it). The span itself is the one
        // whose parent is another span; its parts name it as their parent and must hang under it.
        for (Event e : timeOrdered) {
            if (e.spanId() != null && !e.spanId().equals(e.parentId())) byKey.putIfAbsent(e.spanId(), e);
        }
        for (Event e : timeOrdered) if (e.spanId() != null) byKey.putIfAbsent(e.spanId(), e);
        Map<String, List<Event>> children = new HashMap<>();
        List<Event> roots = new ArrayList<>();
        for (Event e : timeOrdered) {
            Event parent = e.parentId() == null ? null : byKey.get(e.parentId());
            if (parent == null || parent == e) roots.add(e);
            else children.computeIfAbsent(parent.eventId(), k -> new ArrayList<>()).add(e);
        }
        Set<String> placed = new HashSet<>();
        Node root = new Node(null, new ArrayList<>());
        for (Event r : roots) attach(root, r, children, placed);
        // Events caught in a parent cycle were never reached from a root: show them at the top rather than lose them.
        for (Event e : timeOrdered) if (!placed.contains(e.eventId())) attach(root, e, children, placed);
        return root;
    }

    private static void attach(Node parent, Event e, Map<String, List<Event>> children, Set<String> placed) {
        if (!placed.add(e.eventId())) return;
        Node n = new Node(e, new ArrayList<>());
        parent.children().add(n);
        for (Event c : children.getOrDefault(e.eventId(), List.of())) attach(n, c, children, placed);
    }
}
