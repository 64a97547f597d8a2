package dev.tracehound.timeline.detect;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.provenance.EventContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups events that carry the same content, such as a retrieved document seen again as the tool message of a
 * later model call, so one piece of evidence gives one finding that lists every event carrying it.
 */
final class SameContent {
    private SameContent() {}

    static List<List<Event>> group(List<Event> events) {
        Map<String, List<Event>> groups = new LinkedHashMap<>();
        for (Event e : events) {
            String key = e.kind() + "\u0000" + EventContent.of(e).replaceAll("\\s+", " ").strip();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
        return new ArrayList<>(groups.values());
    }

    /** Kind aside: tool output and retrieved document of the same text are one carrier. */
    static List<List<Event>> groupByText(List<Event> events) {
        Map<String, List<Event>> groups = new LinkedHashMap<>();
        for (Event e : events) {
            groups.computeIfAbsent(EventContent.of(e).replaceAll("\\s+", " ").strip(), k -> new ArrayList<>()).add(e);
        }
        return new ArrayList<>(groups.values());
    }
}
