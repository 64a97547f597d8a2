package dev.tracehound.timeline.store;

import dev.tracehound.timeline.event.Event;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Per-session totals, kept by the ingest writer in the same transaction as the rows, so the session list reads one
 * row per session instead of every event (a scan of a million events with their texts took seconds). With them, the
 * spans a session's first events hang from ({@link SessionLinks} links sessions through them): each distinct parent
 * span of the events at the session's first instant, with the lowest ingest sequence of those hanging from it.
 */
final class SessionStats {
    private SessionStats() {}

    private static final String TOTALS = "session_id, trace_id, events, first_ns, last_ns, models, tools, input_tokens, output_tokens";
    private static final String COLUMNS = TOTALS + ", first_parents, first_parent_seqs";

    static void createTable(Statement st) throws SQLException {
        st.execute("""
            CREATE TABLE IF NOT EXISTS session_stats (
              session_id VARCHAR(500),
              trace_id VARCHAR(500),
              events BIGINT NOT NULL,
              first_ns BIGINT NOT NULL,
              last_ns BIGINT NOT NULL,
              models VARCHAR(500) ARRAY,
              tools VARCHAR(1000) ARRAY,
              input_tokens BIGINT NOT NULL,
              output_tokens BIGINT NOT NULL,
              first_parents VARCHAR(500) ARRAY,
              first_parent_seqs BIGINT ARRAY)""");
        st.execute("CREATE INDEX IF NOT EXISTS session_stats_session ON session_stats(session_id)");
    }

    /**
     * Adds the first-event parent columns to the totals of an older case and fills them from its events, through the
     * {@code events_session} index such a case still has (one lookup per session instead of a scan of every event).
     */
    static void addFirstParents(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE session_stats ADD COLUMN IF NOT EXISTS first_parents VARCHAR(500) ARRAY");
            st.execute("ALTER TABLE session_stats ADD COLUMN IF NOT EXISTS first_parent_seqs BIGINT ARRAY");
        }
        Map<String, Totals> firsts = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT e.session_id, e.start_ns, e.parent_id, e.ingest_seq FROM session_stats f
                JOIN events e ON e.session_id = f.session_id AND e.start_ns = f.first_ns
                WHERE e.parent_id IS NOT NULL""")) {
            while (rs.next()) firsts.computeIfAbsent(rs.getString(1), k -> new Totals()).first(rs.getLong(2), rs.getString(3), rs.getLong(4));
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE session_stats SET first_parents = ?, first_parent_seqs = ? WHERE session_id = ?")) {
            for (Map.Entry<String, Totals> e : firsts.entrySet()) {
                e.getValue().bindFirstParents(ps, 1);
                ps.setString(3, e.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Computes the totals from the events (an upgraded case); does nothing when they exist already. */
    static void fillFromEvents(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM session_stats")) {
            rs.next();
            if (rs.getLong(1) > 0) return;
        }
        st.execute("INSERT INTO session_stats (" + TOTALS + ") "
                + "SELECT session_id, MIN(trace_id), COUNT(*), MIN(start_ns), MAX(end_ns), "
                + "ARRAY_AGG(DISTINCT model ORDER BY model) FILTER (WHERE model IS NOT NULL), "
                + "ARRAY_AGG(DISTINCT tool_name ORDER BY tool_name) FILTER (WHERE tool_name IS NOT NULL), "
                + "COALESCE(SUM(input_tokens), 0), COALESCE(SUM(output_tokens), 0) FROM events GROUP BY session_id");
    }

    /** The totals of these new rows (with their ingest sequences) by session; a null key for events without one. */
    static Map<String, Totals> of(List<Event> rows, long[] seqs) {
        Map<String, Totals> batch = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Event e = rows.get(i);
            batch.computeIfAbsent(e.sessionId(), k -> new Totals()).add(e, seqs[i]);
        }
        return batch;
    }

    /**
     * Adds totals of rows up to ingest sequence {@code upToSeq} to the stored ones and records that every row up to
     * it is counted; in the caller's transaction.
     */
    static void fold(Connection c, Map<String, Totals> batch, long upToSeq) throws SQLException {
        if (!batch.isEmpty()) foldTotals(c, batch);
        try (PreparedStatement ps = c.prepareStatement("UPDATE case_meta SET stats_seq = ?")) {
            ps.setLong(1, upToSeq);
            ps.executeUpdate();
        }
    }

    /** The highest ingest sequence whose row the totals count (every lower row is counted too). */
    static long foldedUpTo(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM case_meta")) {
            if (!rs.next()) return 0;
            var meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                if (meta.getColumnName(i).equalsIgnoreCase("stats_seq")) return rs.getLong(i);
            }
            return Long.MAX_VALUE; // version 5, read as it is: its totals were written with every batch
        }
    }

    /**
     * Counts the rows a killed import committed after the totals were last written (those above
     * {@link #foldedUpTo}; at most one flush interval of the ingest pipeline); returns how many.
     */
    static long catchUp(Connection c) throws SQLException {
        Unfolded missed = unfolded(c);
        if (missed.rows() > 0) fold(c, missed.totals(), missed.upToSeq());
        return missed.rows();
    }

    /** Totals of the rows above {@link #foldedUpTo}, the highest sequence among them, and how many there are. */
    private record Unfolded(Map<String, Totals> totals, long upToSeq, long rows) {}

    private static Unfolded unfolded(Connection c) throws SQLException {
        long from = foldedUpTo(c);
        Map<String, Totals> missed = new HashMap<>();
        long upTo = from;
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT ingest_seq, session_id, trace_id, start_ns, end_ns, parent_id, "
                + "model, tool_name, input_tokens, output_tokens FROM events WHERE ingest_seq > ? ORDER BY ingest_seq")) {
            ps.setLong(1, from);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    Totals t = missed.computeIfAbsent(rs.getString(2), k -> new Totals());
                    long in = rs.getLong(9), out = rs.getLong(10); // NULL reads as 0, as SUM's COALESCE counts it
                    t.add(rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), in, out, seq);
                    upTo = seq;
                    rows++;
                }
            }
        }
        return new Unfolded(missed, upTo, rows);
    }

    /**
     * Every session's totals as the rows give them now: those written, plus the rows above {@link #foldedUpTo} (an
     * import under way, or a killed one in a case that cannot be written to count them in).
     */
    static Map<String, Totals> current(Connection c) throws SQLException {
        Map<String, Totals> all = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM session_stats")) {
            while (rs.next()) all.put(rs.getString(1), Totals.read(rs));
        }
        unfolded(c).totals().forEach((session, t) -> all.merge(session, t, Totals::plus));
        return all;
    }

    private static void foldTotals(Connection c, Map<String, Totals> batch) throws SQLException {
        Map<String, Totals> stored = new HashMap<>();
        String[] named = batch.keySet().stream().filter(java.util.Objects::nonNull).toArray(String[]::new);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM session_stats WHERE session_id = ANY(?)"
                + (batch.containsKey(null) ? " OR session_id IS NULL" : ""))) {
            ps.setObject(1, named);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) stored.put(rs.getString(1), Totals.read(rs));
            }
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE session_stats SET trace_id = ?, events = ?, first_ns = ?, last_ns = ?, models = ?, tools = ?, "
                + "input_tokens = ?, output_tokens = ?, first_parents = ?, first_parent_seqs = ? WHERE session_id IS NOT DISTINCT FROM ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO session_stats (trace_id, events, first_ns, last_ns, models, tools, "
                     + "input_tokens, output_tokens, first_parents, first_parent_seqs, session_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            for (Map.Entry<String, Totals> e : batch.entrySet()) {
                Totals before = stored.get(e.getKey());
                PreparedStatement ps = before == null ? insert : update;
                Totals t = before == null ? e.getValue() : before.plus(e.getValue());
                t.bind(ps);
                ps.setString(11, e.getKey());
                ps.addBatch();
            }
            update.executeBatch();
            insert.executeBatch();
        }
    }

    /** Every session in the order of its first event (then of its id, no session first), with the parents given. */
    static List<SessionSummary> list(Map<String, Totals> totals, Map<String, String> parents) {
        List<SessionSummary> all = new ArrayList<>(totals.size());
        totals.forEach((session, t) -> all.add(new SessionSummary(session, t.trace, parents.get(session), t.events, t.first, t.last,
                List.copyOf(t.models), List.copyOf(t.tools), t.in, t.out)));
        all.sort(java.util.Comparator.comparingLong(SessionSummary::startNanos)
                .thenComparing(SessionSummary::sessionId, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        return all;
    }

    /** A span that events at their session's first instant hang from; {@code seq} is the lowest such event's. */
    record FirstParent(String session, long firstNs, String parentSpan, long seq) {}

    /** The spans the first events of every session hang from (sessions whose first events hang from none are left out). */
    static List<FirstParent> firstParents(Map<String, Totals> totals) {
        List<FirstParent> all = new ArrayList<>();
        totals.forEach((session, t) -> {
            if (session != null) t.firstParents.forEach((span, seq) -> all.add(new FirstParent(session, t.first, span, seq)));
        });
        return all;
    }

    /** One session's totals; the same rules as SQL's MIN, MAX, COUNT, SUM and ARRAY_AGG(DISTINCT ... ORDER BY). */
    static final class Totals {
        String trace;
        long events;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        final TreeSet<String> models = new TreeSet<>();
        final TreeSet<String> tools = new TreeSet<>();
        long in;
        long out;
        /** Parent span → lowest ingest sequence, for the events at {@link #first}. */
        TreeMap<String, Long> firstParents = new TreeMap<>();

        void add(Event e, long seq) {
            add(e.traceId(), e.startNanos(), e.endNanos(), e.parentId(), e.model(), e.toolName(),
                    e.inputTokens() == null ? 0 : e.inputTokens(), e.outputTokens() == null ? 0 : e.outputTokens(), seq);
        }

        void add(String traceId, long startNs, long endNs, String parentSpan, String model, String tool, long inputTokens,
                 long outputTokens, long seq) {
            trace = min(trace, traceId);
            events++;
            first(startNs, parentSpan, seq);
            last = Math.max(last, endNs);
            if (model != null) models.add(model);
            if (tool != null) tools.add(tool);
            in += inputTokens;
            out += outputTokens;
        }

        /** Counts an event's start towards the first instant, and its parent span when it starts then. */
        void first(long startNs, String parentSpan, long seq) {
            if (startNs < first) {
                first = startNs;
                firstParents.clear();
            }
            if (startNs == first && parentSpan != null) firstParents.merge(parentSpan, seq, Math::min);
        }

        Totals plus(Totals o) {
            trace = min(trace, o.trace);
            events += o.events;
            if (o.first < first) firstParents = o.firstParents;
            else if (o.first == first) o.firstParents.forEach((span, seq) -> firstParents.merge(span, seq, Math::min));
            first = Math.min(first, o.first);
            last = Math.max(last, o.last);
            models.addAll(o.models);
            tools.addAll(o.tools);
            in += o.in;
            out += o.out;
            return this;
        }

        private static String min(String a, String b) {
            return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
        }

        static Totals read(ResultSet rs) throws SQLException {
            Totals t = new Totals();
            t.trace = rs.getString(2);
            t.events = rs.getLong(3);
            t.first = rs.getLong(4);
            t.last = rs.getLong(5);
            t.models.addAll(strings(rs.getArray(6)));
            t.tools.addAll(strings(rs.getArray(7)));
            t.in = rs.getLong(8);
            t.out = rs.getLong(9);
            t.firstParents = firstParentsAt(rs, 10);
            return t;
        }

        /** The two parallel arrays of first-event parent spans and sequences, from columns {@code i} and {@code i + 1}. */
        static TreeMap<String, Long> firstParentsAt(ResultSet rs, int i) throws SQLException {
            TreeMap<String, Long> parents = new TreeMap<>();
            List<String> spans = strings(rs.getArray(i));
            if (spans.isEmpty()) return parents;
            Object[] seqs = (Object[]) rs.getArray(i + 1).getArray();
            for (int k = 0; k < spans.size(); k++) parents.put(spans.get(k), ((Number) seqs[k]).longValue());
            return parents;
        }

        /** Binds parameters 1 to 10 of the update and the insert. */
        void bind(PreparedStatement ps) throws SQLException {
            if (trace == null) ps.setNull(1, Types.VARCHAR); else ps.setString(1, trace);
            ps.setLong(2, events);
            ps.setLong(3, first);
            ps.setLong(4, last);
            setArray(ps, 5, models);
            setArray(ps, 6, tools);
            ps.setLong(7, in);
            ps.setLong(8, out);
            bindFirstParents(ps, 9);
        }

        /** The first-event parent spans and their sequences as two parallel arrays, NULL for none. */
        void bindFirstParents(PreparedStatement ps, int i) throws SQLException {
            if (firstParents.isEmpty()) {
                ps.setNull(i, Types.ARRAY);
                ps.setNull(i + 1, Types.ARRAY);
            } else {
                ps.setObject(i, firstParents.keySet().toArray(String[]::new));
                ps.setObject(i + 1, firstParents.values().toArray(Long[]::new));
            }
        }

        /** NULL for none, as ARRAY_AGG ... FILTER gives it. */
        private static void setArray(PreparedStatement ps, int i, TreeSet<String> values) throws SQLException {
            if (values.isEmpty()) ps.setNull(i, Types.ARRAY); else ps.setObject(i, values.toArray(String[]::new));
        }

        private static List<String> strings(Array array) throws SQLException {
            if (array == null) return List.of();
            return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
        }
    }
}
