package dev.tracehound.app.export;

import dev.tracehound.timeline.annotate.Annotations;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.search.SearchPage;
import dev.tracehound.timeline.search.SearchRequest;
import dev.tracehound.timeline.store.Case;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Which events an export holds: every event, the result of a search query, or only the annotated ones. Events are
 * streamed in time order (search results page by page), never collected all at once, except annotated events,
 * which are few by nature.
 */
public sealed interface EventSelection {
    int PAGE = 500;

    void forEach(Case c, Consumer<Event> action);

    /** A short description for audit entries and file headers. */
    String describe();

    static EventSelection all() {
        return new All();
    }

    static EventSelection query(String query) {
        return new Query(query);
    }

    static EventSelection annotated() {
        return new Annotated();
    }

    record All() implements EventSelection {
        @Override
        public void forEach(Case c, Consumer<Event> action) {
            new Query("*:*").forEach(c, action); // the search index holds the case's time order
        }

        @Override
        public String describe() {
            return "all events";
        }
    }

    record Query(String query) implements EventSelection {
        @Override
        public void forEach(Case c, Consumer<Event> action) {
            SearchRequest request = SearchRequest.of(query, PAGE);
            while (true) {
                SearchPage page = c.search().search(request);
                page.events().forEach(action);
                if (page.nextCursor() == null || page.events().isEmpty()) return;
                request = request.next(page.nextCursor());
            }
        }

        @Override
        public String describe() {
            return "query: " + query;
        }
    }

    record Annotated() implements EventSelection {
        @Override
        public void forEach(Case c, Consumer<Event> action) {
            List<String> ids = new ArrayList<>();
            for (Annotations a : c.annotations().all()) if (!a.isEmpty()) ids.add(a.targetId());
            // Targets may be sessions too; the event store leaves out ids that are not events.
            List<Event> events = new ArrayList<>(c.events().get(ids));
            events.sort(Comparator.comparingLong(Event::startNanos).thenComparingLong(Event::sequence).thenComparing(Event::eventId));
            events.forEach(action);
        }

        @Override
        public String describe() {
            return "annotated events";
        }
    }
}
