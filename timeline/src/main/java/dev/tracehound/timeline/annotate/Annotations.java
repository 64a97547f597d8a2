package dev.tracehound.timeline.annotate;

import java.util.List;
import java.util.Set;

/**
 * An investigator's marks on one target (an event id or a session id).
 *
 * @param notes in the order they were written
 */
public record Annotations(String targetId, boolean starred, Set<String> tags, List<String> notes) {

    public boolean isEmpty() {
        return !starred && tags.isEmpty() && notes.isEmpty();
    }
}
