package dev.tracehound.timeline.session;

import dev.tracehound.timeline.event.Event;
import java.util.List;

/** One event in the session tree with the events whose span parent it is, in timeline order. */
public record SessionNode(Event event, List<SessionNode> children) implements SessionBranch {

    public SessionNode {
        children = List.copyOf(children);
    }
}
