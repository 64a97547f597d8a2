package dev.tracehound.timeline.store;

import dev.tracehound.timeline.event.Event;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Read access to a case's events. Implemented over H2; a server database could take its place. */
public interface EventStore {

    Optional<Event> get(String eventId);

    /** Events by id, in the order of the ids given; unknown ids are left out. */
    List<Event> get(Collection<String> eventIds);

    /** All events of a session ordered by time, then sequence, then ingest order. */
    List<Event> session(String sessionId);

    List<SessionSummary> sessions();

    /** Every evidence file a (deduplicated) event was read from; the first is the one that created it. */
    List<String> evidenceOf(String eventId);

    /**
     * Streams every event in the order it was stored, without holding them all in memory. For time order, page
     * through the search index ({@code SearchRequest} sorts by time, ties by ingest order).
     */
    void forEach(Consumer<Event> action);

    long count();
}
