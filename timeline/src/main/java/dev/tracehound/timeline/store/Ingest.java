package dev.tracehound.timeline.store;

import dev.tracehound.timeline.event.Event;

/**
 * A batched write of one evidence file's events into a case. Events are buffered and written to the
 * database and the search index together in batches; {@link #commit()} makes the import durable and
 * marks the evidence complete. Closing without commit leaves what was already flushed, consistent,
 * so running the same import again completes it.
 */
public interface Ingest extends AutoCloseable {

    /** Buffers an event. Events already in the case (same id) are skipped and counted as duplicates. */
    void add(Event event);

    /** Records a source record that could not be turned into events, with why and where. Nothing is dropped silently. */
    void quarantine(String locator, String reason, String excerpt);

    /** Writes buffered events now. Importers need not call it; {@link #add} flushes full batches. */
    void flush();

    /** Flushes, commits both stores and marks the evidence import complete. */
    IngestStats commit();

    IngestStats stats();

    /** Flushes nothing further; what was flushed stays and is consistent. */
    @Override
    void close();
}
