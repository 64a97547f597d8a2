package dev.tracehound.timeline.store;

import java.util.Collection;

/**
 * How the event store finds rows by a random identifier (event id, span, parent span) or by kind: the search
 * index's keyword terms give candidate ingest sequences, and the caller compares the rows' full values. The database
 * keeps no index of random strings (see {@link StoredKeys}).
 */
public interface KeywordLookup {
    /** Ingest sequences of rows whose keyword {@code field} may hold one of {@code values}; more is fine, fewer is not. */
    long[] seqsWith(String field, Collection<String> values);

    /** False only when no row has a value in keyword {@code field} (so lookups by it can be skipped). */
    boolean anyWith(String field);
}
