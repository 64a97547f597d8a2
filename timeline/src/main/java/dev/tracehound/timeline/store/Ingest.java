package dev.tracehound.timeline.store;

import dev.tracehound.timeline.event.Event;
import java.util.List;

/**
 * A batched write of one evidence file's events into a case. Events are buffered and written to the
 * database and the search index together in batches; {@link #commit()} makes the import durable and
 * marks the evidence complete. Closing without commit leaves what was already flushed, consistent,
 * so running the same import again completes it.
 */
public interface Ingest extends AutoCloseable {

    /**
     * Buffers an event. Events already in the case (same id and content) are skipped and counted as duplicates; an
     * event whose id is stored with other content is quarantined as an {@link IdConflict}.
     */
    void add(Event event);

    /** Records a source record that could not be turned into events, with why and where. Nothing is dropped silently. */
    void quarantine(String locator, String reason, String excerpt);

    /** Writes buffered events now. Importers need not call it; {@link #add} flushes full batches. */
    void flush();

    /** Flushes, commits both stores and marks the evidence import complete. */
    IngestStats commit();

    IngestStats stats();

    /** The first 1,000 id conflicts of the batches written so far ({@link IngestStats#idConflicts} counts them all). */
    List<IdConflict> idConflicts();

    /** Flushes nothing further; what was flushed stays and is consistent. */
    @Override
    void close();
}
