package dev.tracehound.timeline.search;

import dev.tracehound.timeline.event.Event;
import java.util.List;

/**
 * Where search hits become events: the index finds ingest sequences (its {@code seq} doc values), the case's
 * database returns those rows. Keeps the index free of a copy of every event id just to name its hits.
 */
@FunctionalInterface
public interface RowsBySeq {
    /** The events stored under these ingest sequences, in the order given; sequences without a row are skipped. */
    List<Event> rows(long[] ingestSeqs);
}
