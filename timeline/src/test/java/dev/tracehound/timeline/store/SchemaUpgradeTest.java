package dev.tracehound.timeline.store;

import static dev.tracehound.timeline.store.TestCases.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.timeline.audit.AuditEntry;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import dev.tracehound.timeline.search.SearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A case written with an older schema opens, is upgraded in place and keeps everything: version 1 (string-keyed
 * lookups), version 2 (64-bit keys for ids and dedup keys, a search index without dedup keys), version 3 (a
 * database index of time), version 4 (a database index of sessions, no first-event parents in the totals) and version 5
 * (session totals written with every batch, so no record of how far they count).
 */
class SchemaUpgradeTest {
    @TempDir Path tmp;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void anOlderCaseIsUpgradedWithEveryRowAndLookupIntact(int oldVersion) throws Exception {
        Path dir = tmp.resolve("case");
        List<Event> events;
        EvidenceRecord a;
        EvidenceRecord b;
        try (Case c = Cases.create(dir, "old case")) {
            a = TestCases.evidence(c, tmp, "a.jsonl", "{\"a\":1}\n");
            b = TestCases.evidence(c, tmp, "b.jsonl", "{\"b\":1}\n");
            events = List.of(
                    Event.builder(a.sha256(), "line:1").sessionId("main").spanId("call-1").startNanos(T0).kind(EventKind.MODEL_CALL).build(),
                    Event.builder(a.sha256(), "line:2").sessionId("main").spanId("toolu_1").parentId("call-1").startNanos(T0 + 1)
                            .kind(EventKind.TOOL_CALL).toolName("Task").dedupKey("toolcall:t:toolu_1").text("launch the helper").build(),
                    Event.builder(a.sha256(), "line:3").sessionId("main:agent").spanId("a-1").parentId("toolu_1").startNanos(T0 + 2)
                            .kind(EventKind.USER_MESSAGE).text("find the invoices").build(),
                    // linked only through its first event's parent span (not a tool call): the upgrade must fill those
                    Event.builder(a.sha256(), "line:4").sessionId("side").spanId("s-1").parentId("call-1").startNanos(T0 + 3)
                            .kind(EventKind.AGENT_STEP).text("side step").build());
            TestCases.ingestAll(c, a, events);
            // the same tool call recorded by a second file: one event listing both
            TestCases.ingestAll(c, b, List.of(Event.builder(b.sha256(), "/spans/4").kind(EventKind.TOOL_CALL).dedupKey("toolcall:t:toolu_1").text("launch the helper").build()));
        }
        downgradeToVersionFive(dir);
        if (oldVersion <= 4) downgradeToVersionFour(dir);
        if (oldVersion <= 3) downgradeToVersionThree(dir);
        if (oldVersion <= 2) downgradeToVersionTwo(dir);
        if (oldVersion == 1) downgradeToVersionOne(dir);

        try (Case c = Cases.open(dir)) {
            assertEquals(CaseSchema.VERSION, c.info().schemaVersion());
            assertTrue(Files.readString(dir.resolve("case.json")).contains("\"schemaVersion\" : " + CaseSchema.VERSION));
            LocalCase local = (LocalCase) c;
            if (oldVersion < 3) {
                assertEquals(4, local.index().watermark(), "the search index, of an older layout, was rebuilt from the database");
            }
            assertEquals(4, local.index().numDocs());
            assertEquals(List.of(), eventIndexes(local), "the time and session indexes are gone; ids, keys and spans were never indexed");
            for (Event e : events) assertEquals(e, c.events().get(e.eventId()).orElseThrow());
            assertEquals(List.of(a.sha256(), b.sha256()), c.events().evidenceOf(events.get(1).eventId()));
            Map<String, String> parents = new HashMap<>();
            c.events().sessions().forEach(s -> parents.put(s.sessionId(), s.parentSessionId()));
            assertEquals("main", parents.get("main:agent"), "the parent link is found through the rebuilt index's span terms");
            assertEquals("main", parents.get("side"), "linked through the first-event parent the upgrade kept");
            assertEquals(4, c.events().sessions().stream().mapToLong(SessionSummary::events).sum(), "every row counted once");
            assertEquals(4L, local.database().read("stats watermark", SessionStats::foldedUpTo), "the totals count every row");
            assertEquals(List.of("line:1", "line:2"), c.events().session("main").stream().map(Event::locator).toList());
            assertEquals(1, c.search().search(SearchRequest.of("invoices", 10)).events().size());
            List<AuditEntry> upgrades = c.audit().entries().stream().filter(x -> x.action().equals("case.upgrade")).toList();
            assertEquals(1, upgrades.size());
            assertTrue(upgrades.getFirst().details().contains("\"fromSchemaVersion\":" + oldVersion), upgrades.getFirst().details());
            assertTrue(c.verify().intact(), "the audit chain holds across the upgrade");

            // after the upgrade, duplicates are still recognised by id and by dedup key
            assertEquals(new IngestStats(0, 4, 0, 0), TestCases.ingestAll(c, a, events));
            EvidenceRecord third = TestCases.evidence(c, tmp, "c.jsonl", "{\"c\":1}\n");
            assertEquals(new IngestStats(0, 1, 0, 0), TestCases.ingestAll(c, third,
                    List.of(Event.builder(third.sha256(), "/x").kind(EventKind.TOOL_CALL).dedupKey("toolcall:t:toolu_1").text("launch the helper").build())));
            assertEquals(List.of(a.sha256(), b.sha256(), third.sha256()), c.events().evidenceOf(events.get(1).eventId()));
        }
        try (Case c = Cases.open(dir)) {
            assertEquals(1, c.audit().entries().stream().filter(x -> x.action().equals("case.upgrade")).count(), "upgraded once");
        }
    }

    private static List<String> eventIndexes(LocalCase c) {
        return c.database().read("list indexes", conn -> {
            List<String> names = new java.util.ArrayList<>();
            try (ResultSet rs = conn.createStatement().executeQuery("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES "
                    + "WHERE TABLE_NAME = 'EVENTS' AND INDEX_TYPE_NAME <> 'PRIMARY KEY' ORDER BY INDEX_NAME")) {
                while (rs.next()) names.add(rs.getString(1));
            }
            return names;
        });
    }

    /** Rewrites a current case into the version-5 layout: no record of the ingest sequence the session totals count up to. */
    private static void downgradeToVersionFive(Path dir) throws Exception {
        CaseFolder folder = new CaseFolder(dir);
        try (H2Database db = H2Database.open(folder.databaseBase(), false); Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE case_meta DROP COLUMN stats_seq");
            st.execute("UPDATE case_meta SET schema_version = 5");
        }
        Path manifest = folder.manifest();
        Files.writeString(manifest, Files.readString(manifest).replace("\"schemaVersion\" : " + CaseSchema.VERSION, "\"schemaVersion\" : 5"));
    }

    /** Rewrites a version-5 case into the version-4 layout: a database index of sessions, totals without first-event parents. */
    private static void downgradeToVersionFour(Path dir) throws Exception {
        CaseFolder folder = new CaseFolder(dir);
        try (H2Database db = H2Database.open(folder.databaseBase(), false); Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute("CREATE INDEX events_session ON events(session_id, start_ns, sequence, ingest_seq)");
            st.execute("ALTER TABLE session_stats DROP COLUMN first_parents");
            st.execute("ALTER TABLE session_stats DROP COLUMN first_parent_seqs");
            st.execute("UPDATE case_meta SET schema_version = 4");
        }
        Path manifest = folder.manifest();
        Files.writeString(manifest, Files.readString(manifest).replace("\"schemaVersion\" : 5", "\"schemaVersion\" : 4"));
    }

    /** Rewrites a version-4 case into the version-3 layout: a database index of time. */
    private static void downgradeToVersionThree(Path dir) throws Exception {
        CaseFolder folder = new CaseFolder(dir);
        try (H2Database db = H2Database.open(folder.databaseBase(), false); Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute("CREATE INDEX events_time ON events(start_ns, ingest_seq)");
            st.execute("UPDATE case_meta SET schema_version = 3");
        }
        Path manifest = folder.manifest();
        Files.writeString(manifest, Files.readString(manifest).replace("\"schemaVersion\" : 4", "\"schemaVersion\" : 3"));
    }

    /**
     * Rewrites a current case into the version-2 layout: 64-bit keys for ids, dedup keys and spans and their indexes, further
     * evidence keyed by id, and a search index that records no layout (as version 2 wrote it) and lacks documents.
     */
    private static void downgradeToVersionTwo(Path dir) throws Exception {
        CaseFolder folder = new CaseFolder(dir);
        try (H2Database db = H2Database.open(folder.databaseBase(), false); Connection c = db.connection(); Statement st = c.createStatement()) {
            for (String col : new String[] {"id_key", "dedup_key_hash", "span_key", "parent_key"}) st.execute("ALTER TABLE events ADD COLUMN " + col + " BIGINT");
            st.execute("ALTER TABLE event_evidence ADD COLUMN event_key BIGINT");
            try (ResultSet rs = c.createStatement().executeQuery("SELECT ingest_seq, id, dedup_key, span_id, parent_id FROM events");
                 PreparedStatement up = c.prepareStatement("UPDATE events SET id_key = ?, dedup_key_hash = ?, span_key = ?, parent_key = ? WHERE ingest_seq = ?")) {
                while (rs.next()) {
                    for (int k = 1; k <= 4; k++) up.setObject(k, RowKeys.of(rs.getString(k + 1)));
                    up.setLong(5, rs.getLong(1));
                    up.executeUpdate();
                }
            }
            st.execute("UPDATE event_evidence x SET event_key = (SELECT e.id_key FROM events e WHERE e.id = x.event_id)");
            st.execute("ALTER TABLE events ALTER COLUMN id_key SET NOT NULL");
            st.execute("ALTER TABLE event_evidence ALTER COLUMN event_key SET NOT NULL");
            st.execute("DROP INDEX event_evidence_seq");
            st.execute("ALTER TABLE event_evidence DROP COLUMN event_seq");
            st.execute("CREATE INDEX events_id ON events(id_key)");
            st.execute("CREATE INDEX events_dedup ON events(dedup_key_hash)");
            st.execute("CREATE INDEX events_span ON events(span_key)");
            st.execute("CREATE INDEX event_evidence_event ON event_evidence(event_key)");
            st.execute("UPDATE case_meta SET schema_version = 2");
        }
        try (FSDirectory index = FSDirectory.open(folder.index());
             IndexWriter w = new IndexWriter(index, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            Map<String, String> data = new HashMap<>();
            w.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
            assertTrue(data.remove("tracehound.indexLayout") != null, "this build records its index layout");
            // no documents at the same watermark: only a rebuild from the database brings them back
            w.deleteAll();
            w.setLiveCommitData(data.entrySet());
            w.commit();
        }
        Path manifest = folder.manifest();
        Files.writeString(manifest, Files.readString(manifest).replace("\"schemaVersion\" : 3", "\"schemaVersion\" : 2"));
    }

    /** Rewrites a version-3 case into the version-1 layout: string indexes, no key columns, version 1 everywhere. */
    private static void downgradeToVersionOne(Path dir) throws Exception {
        CaseFolder folder = new CaseFolder(dir);
        try (H2Database db = H2Database.open(folder.databaseBase(), false); Connection c = db.connection(); Statement st = c.createStatement()) {
            for (String idx : new String[] {"events_id", "events_dedup", "events_span", "event_evidence_event"}) st.execute("DROP INDEX " + idx);
            for (String col : new String[] {"id_key", "dedup_key_hash", "span_key", "parent_key"}) st.execute("ALTER TABLE events DROP COLUMN " + col);
            st.execute("ALTER TABLE event_evidence DROP COLUMN event_key");
            st.execute("ALTER TABLE event_evidence ADD UNIQUE (event_id, evidence_sha, locator)");
            st.execute("CREATE UNIQUE INDEX events_id ON events(id)");
            st.execute("CREATE INDEX events_dedup ON events(dedup_key)");
            st.execute("CREATE INDEX events_span ON events(span_id)");
            st.execute("UPDATE case_meta SET schema_version = 1");
        }
        Path manifest = folder.manifest();
        Files.writeString(manifest, Files.readString(manifest).replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 1"));
    }
}
