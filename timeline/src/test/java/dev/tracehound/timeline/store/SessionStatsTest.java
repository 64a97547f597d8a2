package dev.tracehound.timeline.store;

import static dev.tracehound.timeline.store.TestCases.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session list's totals and first-event parents, kept per batch, equal what a query over every event computes;
 * a session read through the search index holds exactly its rows, in time order.
 */
class SessionStatsTest {
    @TempDir Path tmp;

    @Test
    void totalsKeptPerBatchEqualTheEventsAggregate() {
        try (Case c = Cases.create(tmp.resolve("case"), "stats")) {
            Random random = new Random(7);
            String[] sessions = {"s-a", "s-b", "s-c", null};
            String[] models = {"gpt-4o", "claude", null};
            String[] tools = {"search", "send_email", null};
            for (String file : new String[] {"a.jsonl", "b.jsonl"}) {
                EvidenceRecord ev = TestCases.evidence(c, tmp, file, file + "\n");
                List<Event> events = new ArrayList<>();
                for (int i = 0; i < 700; i++) {
                    Event.Builder b = Event.builder(ev.sha256(), "line:" + i).sessionId(sessions[random.nextInt(sessions.length)])
                            .traceId(random.nextBoolean() ? "t-" + random.nextInt(5) : null)
                            .startNanos(T0 + random.nextInt(1_000_000)).kind(EventKind.MODEL_CALL)
                            .model(models[random.nextInt(models.length)]).toolName(tools[random.nextInt(tools.length)])
                            .text("text " + i);
                    b.endNanos(T0 + 2_000_000 + random.nextInt(1_000));
                    if (random.nextBoolean()) b.inputTokens((long) random.nextInt(500)).outputTokens((long) random.nextInt(50));
                    // repeats of one message in both files: counted once
                    if (i % 50 == 0) b.dedupKey("msg:" + i);
                    events.add(b.build());
                }
                try (Ingest in = ((LocalCase) c).ingest(ev, "tester", 64)) { // many small batches
                    events.forEach(in::add);
                    in.commit();
                }
            }
            List<String> expected = aggregate(c);
            List<String> listed = listed(c);
            assertEquals(4, listed.size());
            assertEquals(expected, listed);
            assertEquals(1_400 - 14, c.events().count(), "the repeated messages are stored once");
        }
    }

    /**
     * Totals are written every few tens of thousands of events: a case killed in between holds rows its totals do not
     * count yet (here: the second file's, as a kill before their write leaves them), and opening it counts them.
     */
    @Test
    void rowsCommittedAfterTheTotalsWereLastWrittenAreCountedOnOpen() {
        Path dir = tmp.resolve("case");
        Random random = new Random(3);
        try (Case c = Cases.create(dir, "killed")) {
            H2Database db = ((LocalCase) c).database();
            for (String file : new String[] {"a.jsonl", "b.jsonl"}) {
                EvidenceRecord ev = TestCases.evidence(c, tmp, file, file + "\n");
                try (Ingest in = ((LocalCase) c).ingest(ev, "tester", 50)) {
                    for (int i = 0; i < 400; i++) {
                        in.add(Event.builder(ev.sha256(), "line:" + i).sessionId("s-" + random.nextInt(6)).traceId("t-" + random.nextInt(3))
                                .parentId(random.nextBoolean() ? "p-" + random.nextInt(3) : null)
                                .startNanos(T0 + 1_000L * random.nextInt(5)).endNanos(T0 + 200_000 + random.nextInt(1_000))
                                .kind(EventKind.MODEL_CALL).model(random.nextBoolean() ? "m-" + file : null)
                                .inputTokens(random.nextBoolean() ? (long) random.nextInt(90) : null).text("t " + i).build());
                    }
                    in.commit();
                }
                if (file.equals("a.jsonl")) {
                    db.inTransaction("keep the totals as they were", conn -> conn.createStatement()
                            .execute("CREATE TABLE kept AS SELECT * FROM session_stats"));
                }
            }
            long firstFile = 400;
            db.inTransaction("forget the second file's totals", conn -> {
                try (Statement st = conn.createStatement()) {
                    st.execute("DELETE FROM session_stats");
                    st.execute("INSERT INTO session_stats SELECT * FROM kept");
                    st.execute("DROP TABLE kept");
                    st.execute("UPDATE case_meta SET stats_seq = " + firstFile);
                }
                return null;
            });
            assertEquals(firstFile, (long) db.read("stored totals", conn -> {
                try (ResultSet rs = conn.createStatement().executeQuery("SELECT SUM(events) FROM session_stats")) {
                    rs.next();
                    return rs.getLong(1);
                }
            }), "the stored totals lag");
            assertEquals(aggregate(c), listed(c), "the list counts the rows above the watermark meanwhile");
        }
        try (Case c = Cases.open(dir)) {
            assertEquals(aggregate(c), listed(c));
            H2Database db = ((LocalCase) c).database();
            assertTrue(firstParentsOfRows(db).size() > 3);
            assertEquals(firstParentsOfRows(db), firstParentsKept(db));
            assertEquals(800L, db.read("watermark", SessionStats::foldedUpTo));
            assertTrue(c.verify().intact());
        }
    }

    /** Totals not yet written (an import under way) still count in the session list. */
    @Test
    void anImportUnderWayIsListedWithEveryCommittedRow() {
        try (Case c = Cases.create(tmp.resolve("case"), "under way")) {
            EvidenceRecord ev = TestCases.evidence(c, tmp, "a.jsonl", "a\n");
            try (Ingest in = ((LocalCase) c).ingest(ev, "tester", 10)) {
                for (int i = 0; i < 35; i++) {
                    in.add(Event.builder(ev.sha256(), "line:" + i).sessionId("s-" + i % 2).startNanos(T0 + i).endNanos(T0 + i)
                            .kind(EventKind.NOTE).inputTokens(2L).text("t " + i).build());
                }
                in.flush();
                while (in.stats().added() < 35) Thread.onSpinWait(); // every batch committed, none of the totals written
                assertEquals(0L, ((LocalCase) c).database().read("watermark", SessionStats::foldedUpTo));
                assertEquals(aggregate(c), listed(c));
                assertEquals(List.of(18L, 17L), c.events().sessions().stream().map(SessionSummary::events).toList());
                in.commit();
            }
            assertEquals(35L, ((LocalCase) c).database().read("watermark", SessionStats::foldedUpTo));
            assertEquals(aggregate(c), listed(c));
        }
    }

    @Test
    void firstEventParentsAndSessionReadsMatchTheRows() {
        try (Case c = Cases.create(tmp.resolve("case"), "firsts")) {
            Random random = new Random(11);
            // "S-A" and "s-a" differ only in case: the index cannot tell them apart, the rows can
            String[] sessions = {"s-a", "S-A", "s-b", "s-c", null};
            String[] spans = {"p-1", "p-2", "P-1", "p-3", null};
            for (String file : new String[] {"a.jsonl", "b.jsonl"}) {
                EvidenceRecord ev = TestCases.evidence(c, tmp, file, file + "\n");
                try (Ingest in = ((LocalCase) c).ingest(ev, "tester", 16)) { // many batches: earlier and equal firsts arrive later
                    for (int i = 0; i < 600; i++) {
                        // few distinct instants, so many events share their session's first one
                        in.add(Event.builder(ev.sha256(), "line:" + i).sessionId(sessions[random.nextInt(sessions.length)])
                                .parentId(spans[random.nextInt(spans.length)]).spanId("x-" + file + i)
                                .startNanos(T0 + 1_000L * (20 - random.nextInt(20) - i / 40)).sequence(random.nextInt(3))
                                .kind(EventKind.NOTE).text("t " + i).build());
                    }
                    in.commit();
                }
            }
            H2Database db = ((LocalCase) c).database();
            List<String> expected = firstParentsOfRows(db);
            List<String> kept = firstParentsKept(db);
            assertTrue(expected.size() > 4, "enough first-event parents to compare: " + expected);
            assertEquals(expected, kept);

            for (String session : new String[] {"s-a", "S-A", "s-b", "s-c"}) {
                List<String> rows = db.read("a session from the rows", conn -> {
                    List<String> ids = new ArrayList<>();
                    try (var ps = conn.prepareStatement("SELECT id FROM events WHERE session_id = ? ORDER BY start_ns, sequence, ingest_seq")) {
                        ps.setString(1, session);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) ids.add(rs.getString(1));
                        }
                    }
                    return ids;
                });
                assertTrue(rows.size() > 50, session + " has rows");
                assertEquals(rows, c.events().session(session).stream().map(Event::eventId).toList(), session);
            }
        }
    }

    /** The session list's totals, computed by SQL over every stored event. */
    private static List<String> aggregate(Case c) {
        return ((LocalCase) c).database().read("aggregate", conn -> {
            List<String> rows = new ArrayList<>();
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("""
                    SELECT session_id, MIN(trace_id), COUNT(*), MIN(start_ns) AS first_ns, MAX(end_ns),
                           ARRAY_AGG(DISTINCT model ORDER BY model) FILTER (WHERE model IS NOT NULL),
                           ARRAY_AGG(DISTINCT tool_name ORDER BY tool_name) FILTER (WHERE tool_name IS NOT NULL),
                           COALESCE(SUM(input_tokens), 0), COALESCE(SUM(output_tokens), 0)
                    FROM events GROUP BY session_id ORDER BY first_ns, session_id""")) {
                while (rs.next()) {
                    rows.add(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            strings(rs.getArray(6)).toString(), strings(rs.getArray(7)).toString(), rs.getString(8), rs.getString(9)));
                }
            }
            return rows;
        });
    }

    /** Each session's first-event parent spans with the lowest ingest sequence hanging from each, from the rows. */
    private static List<String> firstParentsOfRows(H2Database db) {
        return db.read("first parents from the rows", conn -> {
            List<String> rows = new ArrayList<>();
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("""
                    SELECT e.session_id, e.start_ns, e.parent_id, MIN(e.ingest_seq) FROM events e
                    WHERE e.parent_id IS NOT NULL AND e.session_id IS NOT NULL
                      AND e.start_ns = (SELECT MIN(f.start_ns) FROM events f WHERE f.session_id = e.session_id)
                    GROUP BY e.session_id, e.start_ns, e.parent_id""")) {
                while (rs.next()) rows.add(rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getString(3) + "|" + rs.getLong(4));
            }
            return rows.stream().sorted().toList();
        });
    }

    private static List<String> firstParentsKept(H2Database db) {
        return db.read("first parents kept", conn -> SessionStats.firstParents(SessionStats.current(conn)).stream()
                .map(f -> f.session() + "|" + f.firstNs() + "|" + f.parentSpan() + "|" + f.seq()).sorted().toList());
    }

    /** The session list's totals as kept. */
    private static List<String> listed(Case c) {
        return c.events().sessions().stream().map(s -> String.join("|", s.sessionId(), s.traceId(),
                Long.toString(s.events()), Long.toString(s.startNanos()), Long.toString(s.endNanos()), s.models().toString(),
                s.tools().toString(), Long.toString(s.inputTokens()), Long.toString(s.outputTokens()))).toList();
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
