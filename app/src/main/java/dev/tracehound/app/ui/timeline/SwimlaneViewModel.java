package dev.tracehound.app.ui.timeline;

import dev.tracehound.app.ui.search.QueryBuilder;
import dev.tracehound.app.ui.search.SearchViewModel;
import dev.tracehound.app.ui.tasks.TaskRunner;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.search.SearchPage;
import dev.tracehound.timeline.search.SearchRequest;
import dev.tracehound.timeline.search.SearchSort;
import dev.tracehound.timeline.store.Case;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One lane per tool or actor for the selected session (or the current query's hits), each event a mark on a
 * shared time axis. Events are read through the paged search and capped at {@link #MAX_EVENTS}, so a huge case
 * never loads whole. Brushing reuses the search's time range, exactly as the histogram does.
 */
public final class SwimlaneViewModel {
    public static final int MAX_EVENTS = 5_000;
    private static final int PAGE = 500;

    /** One event on a lane; {@code flagged} when a finding cites it. */
    public record Mark(Event event, boolean untrusted, boolean flagged) {}

    public record Lane(String key, List<Mark> marks) {}

    /** Lanes in order of their first event, over [fromNanos, toNanos]; {@code capped} when events were left out. */
    public record Swimlanes(long fromNanos, long toNanos, List<Lane> lanes, boolean capped) {
        /** The time at a fraction (0..1) of the axis. */
        public long timeAt(double fraction) {
            double f = Math.max(0, Math.min(1, fraction));
            return fromNanos + (long) (f * (toNanos - fromNanos));
        }

        public double fractionOf(long nanos) {
            return (double) (nanos - fromNanos) / Math.max(1, toNanos - fromNanos);
        }
    }

    private final TaskRunner runner;
    private final SearchViewModel search;
    private final ObjectProperty<Swimlanes> swimlanes = new SimpleObjectProperty<>();
    private int generation;

    public SwimlaneViewModel(TaskRunner runner, SearchViewModel search) {
        this.runner = runner;
        this.search = search;
    }

    /** Recomputes the lanes for a session (when {@code sessionId} is set) or else for {@code query}, without a time filter. */
    public void refresh(Case c, String sessionId, String query) {
        int gen = ++generation;
        if (c == null) {
            swimlanes.set(null);
            return;
        }
        String q = sessionId != null ? "session:" + QueryBuilder.quote(sessionId) : query == null || query.isBlank() ? "*:*" : query;
        runner.run("Laying out swimlanes", () -> compute(c, q), s -> {
            if (gen == generation) swimlanes.set(s);
        }, e -> {
            if (gen == generation) swimlanes.set(null);
        });
    }

    /** The lane an event belongs to: its tool for tool calls and results, else its actor, else its kind. */
    public static String laneKey(Event e) {
        if ((e.kind() == EventKind.TOOL_CALL || e.kind() == EventKind.TOOL_RESULT) && notBlank(e.toolName())) return e.toolName();
        if (notBlank(e.actor())) return e.actor();
        return e.kind().name();
    }

    static Swimlanes compute(Case c, String query) {
        Set<String> flagged = new HashSet<>();
        for (Finding f : c.findings().list()) flagged.addAll(f.eventIds());
        Map<String, List<Mark>> lanes = new LinkedHashMap<>();
        long from = Long.MAX_VALUE, to = Long.MIN_VALUE;
        int read = 0;
        String cursor = null;
        boolean capped = false;
        do {
            SearchPage page = c.search().search(new SearchRequest(query, Math.min(PAGE, MAX_EVENTS - read), cursor, SearchSort.TIME));
            for (Event e : page.events()) {
                read++;
                lanes.computeIfAbsent(laneKey(e), k -> new ArrayList<>())
                        .add(new Mark(e, e.trust() != null && e.trust().isUntrusted(), flagged.contains(e.eventId())));
                from = Math.min(from, e.startNanos());
                to = Math.max(to, e.startNanos());
            }
            cursor = page.events().isEmpty() ? null : page.nextCursor();
            if (read >= MAX_EVENTS && cursor != null) capped = true;
        } while (cursor != null && read < MAX_EVENTS);
        if (lanes.isEmpty()) return null;
        long pad = Math.max(1_000_000L, (to - from) / 40); // keep the first and last marks off the edges
        List<Lane> result = new ArrayList<>();
        lanes.forEach((k, marks) -> result.add(new Lane(k, List.copyOf(marks))));
        return new Swimlanes(from - pad, to + pad, List.copyOf(result), capped);
    }

    /** Filters the table to the brushed part of the axis (fractions 0..1), through the search's time range. */
    public void brush(double fromFraction, double toFraction) {
        Swimlanes s = swimlanes.get();
        if (s == null) return;
        search.setTimeRange(s.timeAt(Math.min(fromFraction, toFraction)), s.timeAt(Math.max(fromFraction, toFraction)));
    }

    public void clearBrush() {
        if (search.timeRangeProperty().get() != null) search.setTimeRange(null, null);
    }

    public ObjectProperty<long[]> timeRangeProperty() { return search.timeRangeProperty(); }
    public ObjectProperty<Swimlanes> swimlanesProperty() { return swimlanes; }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
