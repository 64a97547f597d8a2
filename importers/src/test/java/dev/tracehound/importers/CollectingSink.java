package dev.tracehound.importers;

import dev.tracehound.importers.run.RecordingSink;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** An in-memory sink for importer tests: keeps every event and quarantined record, counts like an import run. */
public final class CollectingSink extends RecordingSink {
    public final List<Event> events;
    public final List<String[]> quarantined;

    public CollectingSink() {
        this(new ArrayList<>(), new ArrayList<>());
    }

    private CollectingSink(List<Event> events, List<String[]> quarantined) {
        super(events::add, (l, r, e) -> quarantined.add(new String[] {l, r, e}), () -> false, b -> {});
        this.events = events;
        this.quarantined = quarantined;
    }

    public List<Event> of(EventKind kind) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }

    public List<Event> where(Predicate<Event> p) {
        return events.stream().filter(p).toList();
    }

    public Event only(Predicate<Event> p) {
        List<Event> hits = where(p);
        if (hits.size() != 1) throw new AssertionError("expected one event, found " + hits.size() + ": " + hits);
        return hits.get(0);
    }

    public Map<String, Long> sessions() {
        return events.stream().collect(Collectors.groupingBy(e -> String.valueOf(e.sessionId()), java.util.TreeMap::new, Collectors.counting()));
    }

    public String reasons() {
        return quarantined.stream().map(q -> q[0] + ": " + q[1]).collect(Collectors.joining("\n"));
    }
}
