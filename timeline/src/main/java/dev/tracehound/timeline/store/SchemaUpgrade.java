package dev.tracehound.timeline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Brings the database of a case written by an older Tracehound up to {@link CaseSchema#VERSION}, keeping every row.
 * Each step is idempotent (a crash half-way through is finished by the next open) and the stored version is raised
 * only after its step completed; the caller audits the upgrade and rewrites case.json.
 */
final class SchemaUpgrade {
    private SchemaUpgrade() {}

    /** Runs the steps from the database's stored version; returns the version it had before. */
    static int run(H2Database db) {
        int from = db.storedSchemaVersion();
        for (int v = from; v < CaseSchema.VERSION; v++) {
            int step = v;
            // a plain connection, not one transaction: H2 commits each DDL statement, and fillKeys commits as it goes
            db.read("upgrade the case database from schema version " + step, c -> {
                if (step == 1) lookupKeys(c);
                if (step == 2) noRandomIndexes(c);
                if (step == 3) noTimeIndex(c);
                if (step == 4) noSessionIndex(c);
                if (step == 5) statsWatermark(c);
                try (Statement st = c.createStatement()) {
                    st.execute("UPDATE case_meta SET schema_version = " + (step + 1));
                }
                return null;
            });
        }
        return from;
    }

    /** Version 1 to 2: lookups by id, dedup key and span through 64-bit keys ({@link RowKeys}). */
    private static void lookupKeys(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String col : new String[] {"id_key", "dedup_key_hash", "span_key", "parent_key"}) {
                st.execute("ALTER TABLE events ADD COLUMN IF NOT EXISTS " + col + " BIGINT");
            }
            st.execute("ALTER TABLE event_evidence ADD COLUMN IF NOT EXISTS event_key BIGINT");
        }
        fillKeys(c, "SELECT ingest_seq, id, dedup_key, span_id, parent_id FROM events WHERE id_key IS NULL",
                "UPDATE events SET id_key = ?, dedup_key_hash = ?, span_key = ?, parent_key = ? WHERE ingest_seq = ?", 4);
        fillKeys(c, "SELECT ord, event_id FROM event_evidence WHERE event_key IS NULL",
                "UPDATE event_evidence SET event_key = ? WHERE ord = ?", 1);
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE events ALTER COLUMN id_key SET NOT NULL");
            st.execute("ALTER TABLE event_evidence ALTER COLUMN event_key SET NOT NULL");
            for (String old : new String[] {"events_id", "events_dedup", "events_span"}) st.execute("DROP INDEX IF EXISTS " + old);
            dropUniqueConstraints(c, st, "EVENT_EVIDENCE");
            st.execute("CREATE INDEX IF NOT EXISTS event_evidence_event ON event_evidence(event_key)");
        }
    }

    /**
     * Version 2 to 3: no index of ids, dedup keys or spans (the search index finds those); further evidence is keyed by
     * the original's ingest sequence; per-session totals for the session list. The search index is rebuilt on open for its new dedup field (LuceneIndex layout 2).
     */
    private static void noRandomIndexes(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE event_evidence ADD COLUMN IF NOT EXISTS event_seq BIGINT");
            // event_key goes first of the old columns, after the fill: while it is there, the fill may be unfinished.
            // A version-2 database has events_id; one upgraded from version 1 by this build does not, and needs it here.
            if (hasColumn(c, "EVENT_EVIDENCE", "EVENT_KEY")) {
                st.execute("CREATE INDEX IF NOT EXISTS events_id ON events(id_key)");
                st.execute("UPDATE event_evidence x SET event_seq = (SELECT e.ingest_seq FROM events e "
                        + "WHERE e.id_key = x.event_key AND e.id = x.event_id) WHERE event_seq IS NULL");
            }
            st.execute("CREATE INDEX IF NOT EXISTS event_evidence_seq ON event_evidence(event_seq)");
            for (String old : new String[] {"event_evidence_event", "events_id", "events_dedup", "events_span"}) st.execute("DROP INDEX IF EXISTS " + old);
            st.execute("ALTER TABLE event_evidence DROP COLUMN IF EXISTS event_key");
            for (String old : new String[] {"id_key", "dedup_key_hash", "span_key", "parent_key"}) st.execute("ALTER TABLE events DROP COLUMN IF EXISTS " + old);
            SessionStats.createTable(st);
            SessionStats.fillFromEvents(st);
        }
    }

    /** Version 3 to 4: no database index of time (whole-case time order comes from the search index). */
    private static void noTimeIndex(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP INDEX IF EXISTS events_time");
        }
    }

    /**
     * Version 4 to 5: no database index of sessions (a session's rows are found through the search index's session
     * terms); the spans sessions' first events hang from are kept with their totals instead. The fill reads them
     * through the old index, created again if a half-done upgrade dropped it already.
     */
    private static void noSessionIndex(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX IF NOT EXISTS events_session ON events(session_id, start_ns, sequence, ingest_seq)");
            SessionStats.addFirstParents(c);
            st.execute("DROP INDEX events_session");
        }
    }

    /**
     * Version 5 to 6: session totals are written every few tens of thousands of events instead of with each batch,
     * with the ingest sequence they count up to; a version-5 case counted every row in the same transaction.
     */
    private static void statsWatermark(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE case_meta ADD COLUMN IF NOT EXISTS stats_seq BIGINT DEFAULT 0 NOT NULL");
            st.execute("UPDATE case_meta SET stats_seq = (SELECT COALESCE(MAX(ingest_seq), 0) FROM events)");
        }
    }

    private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Reads rows missing their keys and sets them, committing every few thousand rows. */
    private static void fillKeys(Connection c, String select, String update, int keys) throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(select);
             PreparedStatement up = c.prepareStatement(update)) {
            int pending = 0;
            while (rs.next()) {
                for (int k = 1; k <= keys; k++) {
                    String s = rs.getString(k + 1);
                    if (s == null) up.setObject(k, null); else up.setLong(k, RowKeys.hash(s));
                }
                up.setLong(keys + 1, rs.getLong(1));
                up.addBatch();
                if (++pending == 5_000) {
                    up.executeBatch();
                    c.commit();
                    pending = 0;
                }
            }
            up.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void dropUniqueConstraints(Connection c, Statement st, String table) throws SQLException {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS "
                + "WHERE TABLE_NAME = ? AND CONSTRAINT_TYPE = 'UNIQUE'")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) names.add(rs.getString(1));
            }
        }
        for (String n : names) st.execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + n + "\"");
    }
}
