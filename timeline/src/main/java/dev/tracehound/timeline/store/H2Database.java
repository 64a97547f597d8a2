package dev.tracehound.timeline.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The case's H2 file database: connections, the schema and its version. The only class that knows the JDBC
 * URL, so a server database could take its place behind the same SQL.
 */
public final class H2Database implements AutoCloseable {

    /**
     * Largest stored text or payload; longer content is cut and flagged (the evidence keeps it whole). Both are
     * stored as UTF-8 in VARBINARY columns: H2 writes VARCHAR char by char and hashes every string it reads, which
     * made it the slowest part of an import.
     */
    public static final int MAX_TEXT_CHARS = 1_000_000;

    /**
     * A database file that grew by at least this much, and to more than twice its size at open, is compacted when it
     * closes. H2 appends each commit's pages as a new chunk and, during an import, leaves the space of dead chunks
     * as holes rather than filling them: a 125 MB OTLP import left a 1.3 GB file that compacts to 133 MB in 2.5 s.
     * (H2's own fill-rate figure reads 100 % right after opening, so growth is the signal.) The system property
     * {@code tracehound.compactAfterGrowth} (bytes) overrides the amount, for tests.
     */
    static final long COMPACT_AFTER_GROWTH_BYTES = 64L << 20;

    static {
        // H2 looks each value it is given up in a shared cache of recent values, hashing every string and byte array
        // an insert binds: pure cost for event rows, whose values rarely repeat. Read once, when H2 first loads; a
        // -Dh2.objectCache set on the command line wins.
        if (System.getProperty("h2.objectCache") == null) System.setProperty("h2.objectCache", "false");
    }

    private final JdbcConnectionPool pool;
    private final Path base;
    private final String url;
    private final Path file;
    private final long sizeAtOpen;

    private H2Database(Path base, JdbcConnectionPool pool, String url) {
        this.base = base;
        this.pool = pool;
        this.url = url;
        this.file = base.resolveSibling(base.getFileName() + ".mv.db");
        this.sizeAtOpen = fileSize();
    }

    private long fileSize() {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** Opens (and with {@code create}, creates) the database whose file is {@code base + ".mv.db"}. */
    static H2Database open(Path base, boolean create) {
        return open(base, create, false);
    }

    /**
     * Opens the database; with {@code readOnly} H2 opens the file for reading only ({@code ACCESS_MODE_DATA=r}) and
     * writes no trace file, so a case on read-only media opens, and one merely marked read-only is not changed.
     */
    static H2Database open(Path base, boolean create, boolean readOnly) {
        String url = "jdbc:h2:file:" + base.toAbsolutePath() + (create ? "" : ";IFEXISTS=TRUE")
                + (readOnly ? ";ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0" : "")
                // A small page cache: every page an import writes enters it, and with 64 MB those pages lived long
                // enough to reach the old generation, so a 2 GB import spent a tenth of its time in G1 marking and
                // mixed collections; with 8 MB it was 12% faster, and searches read no slower (docs/case-store.md).
                + ";CACHE_SIZE=8192;DB_CLOSE_ON_EXIT=FALSE"
                // Crash safety over speed. No background chunk moving: H2's compaction can leave the file unreadable
                // after a kill -9 mid-import (seen here as "Chunk N not found"); cases are append-mostly. And each
                // commit is written at once rather than by the background writer: with its default delay a killed
                // import once reopened as a database without its tables.
                + ";AUTO_COMPACT_FILL_RATE=0;WRITE_DELAY=0";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "tracehound", "");
        pool.setMaxConnections(16);
        H2Database db = new H2Database(base, pool, url);
        try (Connection c = db.connection()) {
            if (create) createSchema(c);
        } catch (SQLException e) {
            pool.dispose();
            throw new CaseException("The case database " + base + ".mv.db cannot be opened (" + e.getMessage()
                    + "). It may be damaged or in use; restore it from a backup if it does not open after closing other programs.", e);
        }
        return db;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** Why this case must not be written to, or null; see {@link #refuseWrites}. */
    private volatile String writesRefused;

    /**
     * From now on every write fails with this reason (reads go on): set when a case opens with an audit log that no
     * longer ends where its head file says, since a write would be a change the audit trail cannot vouch for.
     */
    void refuseWrites(String reason) {
        writesRefused = reason;
    }

    /** Whether writes are accepted (see {@link #refuseWrites}). */
    boolean acceptsWrites() {
        return writesRefused == null;
    }

    /** Fails when writes are refused; for work that changes the case folder before its first transaction. */
    public void ensureWritable() {
        if (writesRefused != null) throw new CaseException(writesRefused);
    }

    /** Runs work on a pooled connection in one transaction, committing on success. */
    public <T> T inTransaction(String what, SqlWork<T> work) {
        ensureWritable();
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Database error while trying to " + what, e);
        }
    }

    /** Runs read work on a pooled connection. */
    public <T> T read(String what, SqlWork<T> work) {
        try (Connection c = connection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("Database error while trying to " + what, e);
        }
    }

    int storedSchemaVersion() {
        return read("read the schema version", c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT schema_version FROM case_meta")) {
                if (!rs.next()) throw new CaseException("The case database " + base + ".mv.db has no schema version row; it is damaged. Restore it from a backup.");
                return rs.getInt(1);
            }
        });
    }

    /** Makes everything committed so far durable on disk before the search index records it as indexed. */
    void checkpoint() {
        read("write a checkpoint", c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CHECKPOINT");
            }
            return null;
        });
    }

    @Override
    public void close() {
        // A connection of our own keeps the database open while the pool goes (SHUTDOWN on a pooled connection makes
        // the pool's rollback on return fail and leaves an error trace in the case folder); then it shuts it down,
        // compacting the file after it grew a lot. Closing the last connection alone would close it uncompacted.
        long size = fileSize();
        long growth = Long.getLong("tracehound.compactAfterGrowth", COMPACT_AFTER_GROWTH_BYTES);
        boolean compact = size - sizeAtOpen >= growth && size > 2 * sizeAtOpen;
        try (Connection own = DriverManager.getConnection(url, "tracehound", "")) {
            pool.dispose();
            try (Statement st = own.createStatement()) {
                st.execute(compact ? "SHUTDOWN COMPACT" : "SHUTDOWN");
            }
        } catch (SQLException e) {
            pool.dispose(); // already closed, or closing anyway
        }
    }

    private static void createSchema(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            // stats_seq: the session totals count every row up to this ingest sequence (SessionStats.foldedUpTo)
            st.execute("CREATE TABLE case_meta (schema_version INT NOT NULL, stats_seq BIGINT DEFAULT 0 NOT NULL)");
            st.execute("INSERT INTO case_meta (schema_version) VALUES (" + CaseSchema.VERSION + ")");
            st.execute("""
                CREATE TABLE events (
                  ingest_seq BIGINT PRIMARY KEY,
                  id VARCHAR(200) NOT NULL,
                  evidence_sha CHAR(64) NOT NULL,
                  locator VARCHAR(4000) NOT NULL,
                  dedup_key VARCHAR(1000),
                  trace_id VARCHAR(500),
                  session_id VARCHAR(500),
                  span_id VARCHAR(500),
                  parent_id VARCHAR(500),
                  sequence BIGINT NOT NULL,
                  start_ns BIGINT NOT NULL,
                  end_ns BIGINT NOT NULL,
                  kind VARCHAR(40) NOT NULL,
                  name VARCHAR(4000),
                  actor VARCHAR(1000),
                  provider VARCHAR(200),
                  model VARCHAR(500),
                  tool_name VARCHAR(1000),
                  tool_call_id VARCHAR(500),
                  input_tokens BIGINT,
                  output_tokens BIGINT,
                  cost_usd DOUBLE PRECISION,
                  status VARCHAR(1000),
                  text VARBINARY(4000000),
                  payload VARBINARY(4000000),
                  trust VARCHAR(40) NOT NULL,
                  flags VARCHAR(400) NOT NULL)""");
            // No secondary index of events: each costs an import a page rewrite per row, most at random places. Ids,
            // dedup keys, spans and sessions are found through the search index's terms ({@link StoredKeys},
            // {@link KeywordLookup}), time order through its points and doc values, sessions' totals and first
            // events through session_stats.
            SessionStats.createTable(st);
            // A large identity cache: H2 commits a system transaction each time it refills it, per 32 rows by default.
            st.execute("""
                CREATE TABLE event_evidence (
                  ord BIGINT GENERATED ALWAYS AS IDENTITY (CACHE 100000) PRIMARY KEY,
                  event_seq BIGINT NOT NULL,
                  event_id VARCHAR(200) NOT NULL,
                  evidence_sha CHAR(64) NOT NULL,
                  locator VARCHAR(4000) NOT NULL)""");
            // keyed by the original's ingest sequence: originals are mostly recent, so inserts stay near the end
            st.execute("CREATE INDEX event_evidence_seq ON event_evidence(event_seq)");
            st.execute("""
                CREATE TABLE evidence (
                  sha256 CHAR(64) PRIMARY KEY,
                  size BIGINT NOT NULL,
                  original_path VARCHAR(4000) NOT NULL,
                  format VARCHAR(100),
                  imported_at VARCHAR(40) NOT NULL,
                  status VARCHAR(20) NOT NULL)""");
            st.execute("""
                CREATE TABLE quarantine (
                  ord BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                  evidence_sha CHAR(64) NOT NULL,
                  locator VARCHAR(4000) NOT NULL,
                  reason VARCHAR(4000) NOT NULL,
                  excerpt VARCHAR(4000),
                  UNIQUE (evidence_sha, locator))""");
            st.execute("""
                CREATE TABLE audit (
                  seq BIGINT PRIMARY KEY,
                  time VARCHAR(40) NOT NULL,
                  actor VARCHAR(500) NOT NULL,
                  action VARCHAR(200) NOT NULL,
                  details VARCHAR(100000) NOT NULL,
                  prev_hash CHAR(64) NOT NULL,
                  hash CHAR(64) NOT NULL)""");
            st.execute("""
                CREATE TABLE findings (
                  id VARCHAR(200) PRIMARY KEY,
                  detector VARCHAR(200) NOT NULL,
                  severity VARCHAR(20) NOT NULL,
                  atlas VARCHAR(2000) NOT NULL,
                  owasp VARCHAR(2000) NOT NULL,
                  session_id VARCHAR(500),
                  event_ids VARCHAR(1000000) NOT NULL,
                  explanation VARCHAR(100000),
                  status VARCHAR(20) NOT NULL,
                  source_event_id VARCHAR(200),
                  sink_event_id VARCHAR(200),
                  created VARCHAR(40) NOT NULL)""");
            st.execute("""
                CREATE TABLE annotations (
                  ord BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                  target_id VARCHAR(500) NOT NULL,
                  type VARCHAR(10) NOT NULL,
                  val VARCHAR(100000) NOT NULL,
                  actor VARCHAR(500) NOT NULL,
                  time VARCHAR(40) NOT NULL)""");
            st.execute("CREATE INDEX annotations_target ON annotations(target_id)");
            st.execute("""
                CREATE TABLE artifacts (
                  sha256 CHAR(64) PRIMARY KEY,
                  kind VARCHAR(100) NOT NULL,
                  size BIGINT NOT NULL,
                  meta VARCHAR(100000),
                  created VARCHAR(40) NOT NULL,
                  content BLOB NOT NULL)""");
            st.execute("""
                CREATE TABLE documents (
                  ord BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                  collection VARCHAR(200) NOT NULL,
                  id VARCHAR(500) NOT NULL,
                  json VARCHAR(1000000) NOT NULL,
                  UNIQUE (collection, id))""");
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
