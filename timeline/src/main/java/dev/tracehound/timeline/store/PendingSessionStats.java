package dev.tracehound.timeline.store;

import dev.tracehound.timeline.event.Event;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Session totals of committed batches not yet written to {@code session_stats}. Reading and rewriting the totals
 * with every batch was a tenth of the ingest writer's time; summed here, they are written every few tens of
 * thousands of events and at the end of each import, with the ingest sequence they count up to, so a killed import's
 * missing rows are counted on the next open ({@link SessionStats#catchUp}). Only the writer thread uses it.
 */
final class PendingSessionStats {
    private Map<String, SessionStats.Totals> bySession = new HashMap<>();
    private long events;
    private long upToSeq;

    /** Adds a batch whose transaction committed (a rolled-back batch must leave no trace here). */
    void add(List<Event> rows, long[] seqs) {
        if (rows.isEmpty()) return;
        SessionStats.of(rows, seqs).forEach((session, t) -> bySession.merge(session, t, SessionStats.Totals::plus));
        events += rows.size();
        upToSeq = Math.max(upToSeq, seqs[seqs.length - 1]);
    }

    /** Writes the sums into the stored totals in one transaction, and starts over. */
    void write(H2Database db) {
        if (events == 0) return;
        Map<String, SessionStats.Totals> sums = bySession;
        long upTo = upToSeq;
        db.inTransaction("store the sessions' totals", c -> {
            SessionStats.fold(c, sums, upTo);
            return null;
        });
        bySession = new HashMap<>();
        events = 0;
    }
}
