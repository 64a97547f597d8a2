package dev.tracehound.timeline.store;

import java.util.Collection;
import java.util.List;

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

    /**
     * A row found by keyword, with what the index knows of it: the term it was found by and its session, both in
     * the form keyword values are indexed in ({@link #keyOf}); the session is null when the row has none.
     */
    record KeywordRow(long seq, String term, String session) {}

    /**
     * Like {@link #seqsWith}, with each row's term and session from the index, so a caller can narrow the candidates
     * before reading any row (rows are read whole, the index's values are cheap).
     */
    List<KeywordRow> rowsWith(String field, Collection<String> values);

    /**
     * Rows whose keyword {@code field} may hold {@code value}, one per term each has in keyword {@code termField},
     * with that term and the row's session (a row without such a term is left out). Reads the index's term
     * dictionary of {@code termField} once, not any row.
     */
    List<KeywordRow> termsOfRowsWith(String field, String value, String termField);

    /** The form a keyword value is indexed and matched in; two values with the same key may still differ. */
    String keyOf(String value);
}
