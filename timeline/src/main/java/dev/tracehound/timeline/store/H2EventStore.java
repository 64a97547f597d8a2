package dev.tracehound.timeline.store;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.search.SearchFields;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Events read from the case database. Rows are found by id (and sessions linked by span) through the search
 * index's keyword terms: the database keeps no index of random identifiers (see {@link StoredKeys}).
 */
public final class H2EventStore implements EventStore {
    private static final String SELECT = "SELECT " + EventRows.COLUMNS + " FROM events ";

    private final H2Database db;
    private final KeywordLookup index;

    public H2EventStore(H2Database db, KeywordLookup index) {
        this.db = db;
        this.index = index;
    }

    @Override
    public Optional<Event> get(String eventId) {
        List<Event> one = get(List.of(eventId));
        return one.isEmpty() ? Optional.empty() : Optional.of(one.getFirst());
    }

    @Override
    public List<Event> get(Collection<String> eventIds) {
        if (eventIds.isEmpty()) return List.of();
        Map<String, Event> byId = new HashMap<>(eventIds.size() * 2);
        readById(eventIds, false, (e, seq, also) -> byId.put(e.eventId(), e));
        List<Event> ordered = new ArrayList<>(byId.size());
        for (String id : eventIds) {
            Event e = byId.get(id);
            if (e != null) ordered.add(e);
        }
        return ordered;
    }

    /** The rows of these ingest sequences, in the order given (search hits come this way). */
    public List<Event> bySeqs(long[] seqs) {
        if (seqs.length == 0) return List.of();
        Map<Long, Event> bySeq = new HashMap<>(seqs.length * 2);
        db.read("read events", c -> {
            EventRows.eventsBySeq(c, seqs, rs -> bySeq.put(rs.getLong(1), EventRows.read(rs)));
            return null;
        });
        List<Event> ordered = new ArrayList<>(seqs.length);
        for (long seq : seqs) {
            Event e = bySeq.get(seq);
            if (e != null) ordered.add(e);
        }
        return ordered;
    }

    /**
     * A session's events in time order (ties by sequence, then ingest order). The search index's session terms name
     * the rows (the database keeps no index of sessions: one cost every import a page rewrite per row); the rows' own
     * session ids decide, since terms match ignoring case.
     */
    @Override
    public List<Event> session(String sessionId) {
        if (sessionId == null) return List.of();
        long[] seqs = index.seqsWith(SearchFields.SESSION, List.of(sessionId));
        List<Stored> rows = new ArrayList<>(seqs.length);
        db.read("read session " + sessionId, c -> {
            EventRows.eventsBySeq(c, seqs, rs -> {
                Event e = EventRows.read(rs);
                if (sessionId.equals(e.sessionId())) rows.add(new Stored(e, rs.getLong(1)));
            });
            return null;
        });
        rows.sort(Stored.IN_SESSION_ORDER);
        List<Event> events = new ArrayList<>(rows.size());
        for (Stored r : rows) events.add(r.event);
        return events;
    }

    private record Stored(Event event, long seq) {
        static final Comparator<Stored> IN_SESSION_ORDER = Comparator.<Stored>comparingLong(r -> r.event.startNanos())
                .thenComparingLong(r -> r.event.sequence()).thenComparingLong(Stored::seq);
    }

    @Override
    public List<SessionSummary> sessions() {
        return db.read("summarise sessions", c -> {
            Map<String, SessionStats.Totals> totals = SessionStats.current(c);
            return SessionStats.list(totals, SessionLinks.parents(c, index, totals));
        });
    }

    @Override
    public List<String> evidenceOf(String eventId) {
        List<String> shas = new ArrayList<>();
        readById(List.of(eventId), true, (e, seq, also) -> {
            shas.add(e.evidenceSha256());
            for (String sha : also) if (!shas.contains(sha)) shas.add(sha);
        });
        return shas;
    }

    @Override
    public void forEach(Consumer<Event> action) {
        db.read("stream events", c -> {
            lazy(c, true); // rows come from the primary key one by one instead of a materialised result
            try (PreparedStatement ps = c.prepareStatement(SELECT + "ORDER BY ingest_seq")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) action.accept(EventRows.read(rs));
                }
            } finally {
                lazy(c, false);
            }
            return null;
        });
    }

    /**
     * Streams rows above an ingest sequence in ingest order, with the further evidence files of deduplicated events
     * (used to repair the index after a crash).
     */
    public void forEachAfterSeq(long seq, IndexRowConsumer action) {
        Map<String, List<String>> extra = extraEvidence("WHERE x.event_seq > ?", seq);
        db.read("read events to reindex", c -> {
            lazy(c, true);
            try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE ingest_seq > ? ORDER BY ingest_seq")) {
                ps.setLong(1, seq);
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Event e = EventRows.read(rs);
                        action.accept(e, rs.getLong(1), extra.getOrDefault(e.eventId(), List.of()));
                    }
                }
            } finally {
                lazy(c, false);
            }
            return null;
        });
    }

    /** The given rows with their ingest sequence and further evidence files, for reindexing. */
    void forEachBySeq(Collection<Long> seqs, IndexRowConsumer action) {
        if (seqs.isEmpty()) return;
        readBySeq(seqs.stream().mapToLong(Long::longValue).toArray(), null, true, action);
    }

    /** Rows by id; with {@code furtherEvidence}, also each event's further evidence files (a second query). */
    private void readById(Collection<String> ids, boolean furtherEvidence, IndexRowConsumer action) {
        Set<String> wanted = new HashSet<>(ids);
        wanted.remove(null);
        if (wanted.isEmpty()) return;
        long[] seqs = index.seqsWith(SearchFields.ID, wanted);
        if (seqs.length == 0) return;
        readBySeq(seqs, wanted, furtherEvidence, action);
    }

    /** @param wanted ids to keep (the index matches ids ignoring case), or null for every row */
    private void readBySeq(long[] seqs, Set<String> wanted, boolean furtherEvidence, IndexRowConsumer action) {
        Map<String, List<String>> extra = furtherEvidence
                ? extraEvidence("WHERE x.event_seq = ANY(?)", Arrays.stream(seqs).boxed().toArray(Long[]::new)) : Map.of();
        db.read("read events", c -> {
            EventRows.eventsBySeq(c, seqs, rs -> {
                Event e = EventRows.read(rs);
                if (wanted == null || wanted.contains(e.eventId())) action.accept(e, rs.getLong(1), extra.getOrDefault(e.eventId(), List.of()));
            });
            return null;
        });
    }

    private Map<String, List<String>> extraEvidence(String where, Object param) {
        return db.read("read further evidence of events", c -> {
            Map<String, List<String>> extra = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT x.event_id, x.evidence_sha FROM event_evidence x " + where + " ORDER BY x.ord")) {
                ps.setObject(1, param);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) extra.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            return extra;
        });
    }

    private static void lazy(Connection c, boolean on) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
    }

    @Override
    public long count() {
        return db.read("count events", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM events")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Highest ingest sequence stored, 0 when empty. */
    public long maxSeq() {
        return db.read("read the ingest sequence", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(ingest_seq), 0) FROM events")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @FunctionalInterface
    public interface IndexRowConsumer {
        /** @param alsoEvidence evidence files besides the event's own that recorded it too (dedupKey matches) */
        void accept(Event event, long ingestSeq, List<String> alsoEvidence);
    }
}
