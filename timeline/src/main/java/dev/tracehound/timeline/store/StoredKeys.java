package dev.tracehound.timeline.store;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.search.LuceneIndex;
import dev.tracehound.timeline.search.SearchFields;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which event ids and dedup keys the case already holds, as the ingest writer thread asks for every batch.
 * <p>
 * The database keeps no index of these random strings: each insert into such an index rewrote a random page, and
 * that was most of an import's cost. Instead an in-memory filter says "new" for almost every fresh key; rows stored
 * since the search index's last refresh are remembered here; the index's term dictionary answers the rest. Whatever
 * the index names is confirmed against the database row, so neither a filter false positive nor the index's
 * case-insensitive ids can give a wrong answer.
 * <p>
 * Only the writer thread calls it, except {@link #searchableUpTo}.
 */
final class StoredKeys {
    /** The stored event a dedup key belongs to. */
    record Original(long seq, String id, String evidenceSha) {}

    private record Recent(long seq, String id, String dedupKey) {}

    private final LuceneIndex index;
    private KeyFilter ids; // of LuceneIndex.idKey(id); loaded on first use
    private KeyFilter dedupKeys;
    /** Rows stored but perhaps not yet visible to the index's lookups, in ingest order. */
    private final ArrayDeque<Recent> recent = new ArrayDeque<>();
    private final Map<String, Long> recentIds = new HashMap<>();
    private final Map<String, Original> recentDedupKeys = new HashMap<>();
    private volatile long searchableUpTo;
    /** Keys announced by {@link #expect} before the filters were loaded. */
    private long expected;

    StoredKeys(LuceneIndex index) {
        this.index = index;
    }

    /** An import is about to add up to this many events: the filters make room for their keys in one part each. */
    void expect(long moreKeys) {
        if (ids == null) {
            expected += moreKeys;
        } else {
            ids.reserve(moreKeys);
            dedupKeys.reserve(moreKeys);
        }
    }

    /** Those of {@code wanted} already stored, each with its row's ingest sequence. */
    Map<String, Long> existingIds(Connection c, Collection<String> wanted) throws SQLException {
        prepare();
        Map<String, Long> found = new HashMap<>();
        List<String> ask = new ArrayList<>();
        for (String id : wanted) {
            Long seq = recentIds.get(id);
            if (seq != null) found.put(id, seq);
            else if (ids.mightContain(LuceneIndex.idKey(id))) ask.add(id);
        }
        if (ask.isEmpty()) return found;
        Set<String> asked = new HashSet<>(ask);
        EventRows.bySeq(c, index.seqsWith(SearchFields.ID, ask), "id", rs -> {
            if (asked.contains(rs.getString(2))) found.put(rs.getString(2), rs.getLong(1));
        });
        return found;
    }

    /** The first stored event of each of these dedup keys that has one. */
    Map<String, Original> originals(Connection c, Collection<String> keys) throws SQLException {
        prepare();
        Map<String, Original> found = new HashMap<>();
        List<String> ask = new ArrayList<>();
        for (String key : keys) {
            // a recent row with this key was stored because no earlier one existed: it is the first
            Original o = recentDedupKeys.get(key);
            if (o != null) found.put(key, o);
            else if (dedupKeys.mightContain(LuceneIndex.dedupFilterKey(key))) ask.add(key);
        }
        if (ask.isEmpty()) return found;
        Set<String> asked = new HashSet<>(ask);
        // the first row of each key: the lowest ingest sequence
        Map<String, Original> first = new HashMap<>();
        EventRows.bySeq(c, index.seqsWithDedupKeys(ask), "dedup_key, id, evidence_sha", rs -> {
            String key = rs.getString(2);
            if (!asked.contains(key)) return;
            Original o = new Original(rs.getLong(1), rs.getString(3), rs.getString(4));
            first.merge(key, o, (x, y) -> x.seq() <= y.seq() ? x : y);
        });
        found.putAll(first);
        return found;
    }

    /** Records rows just committed (after their transaction: a rolled-back batch must leave no trace here). */
    void stored(List<Event> events, long[] seqs) {
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            recent.add(new Recent(seqs[i], e.eventId(), e.dedupKey()));
            recentIds.put(e.eventId(), seqs[i]);
            if (ids != null) ids.add(LuceneIndex.idKey(e.eventId()));
            if (e.dedupKey() != null) {
                recentDedupKeys.putIfAbsent(e.dedupKey(), new Original(seqs[i], e.eventId(), e.evidenceSha256()));
                if (dedupKeys != null) dedupKeys.add(LuceneIndex.dedupFilterKey(e.dedupKey()));
            }
        }
    }

    /** How many stored rows are remembered here (after forgetting those the index now answers for). */
    int remembered() {
        forgetSearchable();
        return recent.size();
    }

    /** The index's lookups now see every row up to {@code seq}; called after a refresh, from any thread. */
    void searchableUpTo(long seq) {
        if (seq > searchableUpTo) searchableUpTo = seq;
    }

    /** Forgets rows the index now answers for; loads the filters from the index the first time. */
    private void prepare() {
        forgetSearchable();
        loadFilters();
    }

    private void forgetSearchable() {
        long upTo = searchableUpTo;
        while (!recent.isEmpty() && recent.peek().seq <= upTo) {
            Recent r = recent.poll();
            recentIds.remove(r.id, r.seq);
            if (r.dedupKey != null) recentDedupKeys.computeIfPresent(r.dedupKey, (k, o) -> o.seq() == r.seq ? null : o);
        }
    }

    private void loadFilters() {
        if (ids == null) {
            long room = index.numDocs() * 2L + expected;
            KeyFilter idFilter = new KeyFilter(room);
            KeyFilter dedupFilter = new KeyFilter(room);
            index.forEachKey(idFilter::add, dedupFilter::add);
            for (Recent r : recent) {
                idFilter.add(LuceneIndex.idKey(r.id));
                if (r.dedupKey != null) dedupFilter.add(LuceneIndex.dedupFilterKey(r.dedupKey));
            }
            ids = idFilter;
            dedupKeys = dedupFilter;
        }
    }
}
