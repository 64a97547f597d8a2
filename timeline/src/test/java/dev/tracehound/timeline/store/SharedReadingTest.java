package dev.tracehound.timeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import dev.tracehound.timeline.search.LuceneIndex;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Programs that only read a writable case ({@link Cases#openForReading}) share it: readers in several processes at
 * once, each keeping writers out while it reads and kept out by one, writing nothing to the folder. A case a killed
 * import left behind is brought up to date once, alone, and then read; when others have it open meanwhile, it is read
 * through a level copy of its index. Every holder here is a real process ({@link ChildJvm}).
 */
class SharedReadingTest {
    @TempDir Path tmp;
    final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() throws InterruptedException {
        for (Process p : children) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process child(String mode, Path dir) throws Exception {
        Process p = ChildJvm.start(mode, dir.toString());
        children.add(p);
        return p;
    }

    /** A closed case of {@code n} notes "ledger entry N" in sessions of ten. */
    private Path caseOf(int n) {
        Path dir = tmp.resolve("case");
        try (Case c = Cases.create(dir, "shared")) {
            EvidenceRecord ev = TestCases.evidence(c, tmp, "a.jsonl", "{}\n".repeat(n));
            List<Event> events = new ArrayList<>();
            for (int i = 1; i <= n; i++) events.add(TestCases.event(ev, i, "s" + (i - 1) / 10, EventKind.NOTE, "ledger entry " + i));
            TestCases.ingestAll(c, ev, events);
        }
        return dir;
    }

    @Test
    void twoReadersInOtherProcessesAndAThirdHereShareTheCaseAndWriteNothing() throws Exception {
        Path dir = caseOf(30);
        Map<String, String> before = ReadOnlyCaseTest.snapshot(dir);
        Process first = child("read", dir);
        assertEquals("30 30", afterPid(ChildJvm.awaitLine(first, ChildJvm.stdout(first), "OPEN")));
        Process second = child("read", dir);
        assertEquals("30 30", afterPid(ChildJvm.awaitLine(second, ChildJvm.stdout(second), "OPEN")), "a second reader while the first reads");
        try (Case c = Cases.openForReading(dir)) {
            assertTrue(c.forReading());
            assertTrue(c.readOnly().isEmpty(), "the case can be written; this program only reads it");
            assertEquals(30, c.search().count("ledger"));
            assertEquals(3, c.events().sessions().size());
            assertTrue(c.verify().intact(), c.verify().problems().toString());
            CaseException refused = assertThrows(CaseException.class, () -> c.audit().append("bob", "note", "{}"));
            assertTrue(refused.getMessage().startsWith("The case at " + dir + " is open for reading only"), refused.getMessage());
            assertTrue(first.isAlive() && second.isAlive());
        }
        assertEquals(before, ReadOnlyCaseTest.snapshot(dir), "readers change nothing in the folder, not even the lock's text");
    }

    @Test
    void aWriterIsRefusedWhileAnotherProcessReadsAndOpensOnceItHasGone() throws Exception {
        Path dir = caseOf(5);
        Process reader = child("read", dir);
        ChildJvm.awaitLine(reader, ChildJvm.stdout(reader), "OPEN");
        CaseException e = assertThrows(CaseException.class, () -> Cases.open(dir));
        assertEquals("The case is open for reading by another program (a search, timeline or other reading command, or a program reading"
                + " a read-only case), and a case is changed only while no other program has it open. Wait for the reading to end,"
                + " then run this again (the lock is " + dir.resolve("case.lock") + "; it is released automatically when that program exits).",
                e.getMessage());
        reader.destroyForcibly();
        assertTrue(reader.waitFor(30, TimeUnit.SECONDS));
        try (Case c = Cases.open(dir)) {
            assertFalse(c.forReading(), "once the reader has gone, the case opens for writing");
            assertEquals(5, c.events().count());
        }
    }

    @Test
    void aReaderIsRefusedWhileAnotherProcessWritesAndToldWho() throws Exception {
        Path dir = caseOf(5);
        Process writer = child("hold", dir);
        ChildJvm.awaitLine(writer, ChildJvm.stdout(writer), "OPEN");
        CaseException e = assertThrows(CaseException.class, () -> Cases.openForReading(dir));
        assertTrue(e.getMessage().startsWith("The case is already open for writing by pid " + writer.pid()) && e.getMessage().contains("user "),
                e.getMessage());
        writer.destroyForcibly();
        assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
        try (Case c = Cases.openForReading(dir)) {
            assertTrue(c.forReading(), "once the writer has gone, the case opens for reading, shared");
            assertEquals(5, c.search().count("ledger"));
        }
    }

    /**
     * A reader finding a case that a killed import left with its index and session totals behind the database has it
     * repaired in place, then reads it shared: every event is found, and the next reader reads the case as it is.
     */
    @Test
    void aCaseAKilledImportLeftBehindIsRepairedOnceThenReadWithEveryEvent() throws Exception {
        Path dir = killedImport();
        Map<String, String> before = ReadOnlyCaseTest.snapshot(dir);
        long rows;
        try (Case c = Cases.openForReading(dir)) {
            assertTrue(c.forReading() && c.readOnly().isEmpty());
            rows = c.events().count();
            assertEquals(rows, c.search().count("*:*"), "every stored event is searchable");
            assertEquals(rows, c.search().count("synthetic"));
            assertEquals(rowsPerSession(c), totalsPerSession(c));
            assertTrue(((LocalCase) c).index().readOnly(), "the case's own index, repaired in place, not a temporary copy");
            assertFalse(c.evidence().list().getFirst().complete(), "the interrupted import still looks interrupted");
            assertTrue(c.audit().entries().stream().noneMatch(a -> a.action().equals("index.rebuild")), "a catch-up is no rebuild");
            // what the repair changed in the folder is on record
            var catchUp = c.audit().entries().stream().filter(a -> a.action().equals("case.catch-up")).toList();
            assertEquals(1, catchUp.size(), c.audit().entries().toString());
            assertTrue(catchUp.getFirst().details().matches("\\{\"rowsCountedIntoSessionTotals\":[1-9][0-9]*,\"rowsIndexedAgain\":[1-9][0-9]*\\}"),
                    catchUp.getFirst().details());
        }
        assertFalse(before.equals(ReadOnlyCaseTest.snapshot(dir)), "the repair was written to the case");
        Level repairedTo = level(dir);
        assertEquals(new Level(repairedTo.maxSeq(), repairedTo.maxSeq(), repairedTo.maxSeq()), repairedTo,
                "index watermark and session totals are level with the database");
        Map<String, String> repaired = ReadOnlyCaseTest.snapshot(dir);
        try (Case c = Cases.openForReading(dir)) {
            assertEquals(rows, c.search().count("*:*"));
        }
        assertEquals(repaired, ReadOnlyCaseTest.snapshot(dir), "a level case is read without a write");
    }

    /**
     * When another program has such a case open for reading, it cannot be repaired (that needs it alone): it is read
     * as a read-only case is, through a level copy of its index outside the folder, and still gives every event.
     */
    @Test
    void aCaseAKilledImportLeftBehindIsReadThroughALevelCopyWhileAnotherProgramReadsIt() throws Exception {
        Path dir = killedImport();
        Level stale = level(dir);
        Process other = child("share", dir); // a reader holding the case as it is (it read it through its own copy)
        ChildJvm.awaitLine(other, ChildJvm.stdout(other), "OPEN");
        Map<String, String> before = ReadOnlyCaseTest.snapshot(dir);
        try (Case c = Cases.openForReading(dir)) {
            assertTrue(c.forReading() && c.readOnly().isEmpty());
            long rows = c.events().count();
            assertTrue(rows > stale.indexed(), rows + " rows, " + stale.indexed() + " indexed");
            assertEquals(rows, c.search().count("*:*"), "every stored event is searchable");
            assertEquals(rows, c.search().count("synthetic"));
            assertEquals(rowsPerSession(c), totalsPerSession(c), "session totals counted from the rows");
            assertFalse(((LocalCase) c).index().readOnly(), "a writable copy of the index, outside the case folder");
        }
        assertEquals(before, ReadOnlyCaseTest.snapshot(dir), "nothing in the folder changed");
        assertEquals(stale, level(dir));
    }

    /** A reader waits for another that is bringing the case up to date, rather than being refused as by a writer. */
    @Test
    void aReaderWaitsForAnotherBringingTheCaseUpToDate() throws Exception {
        Path dir = caseOf(5);
        Process repairing = child("repair", dir);
        ChildJvm.awaitLine(repairing, ChildJvm.stdout(repairing), "OPEN");
        CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> {
            try (Case c = Cases.openForReading(dir)) {
                return c.search().count("ledger");
            }
        });
        Thread.sleep(1_000);
        assertFalse(read.isDone(), "still waiting for the repair");
        repairing.destroyForcibly();
        assertEquals(5L, read.get(60, TimeUnit.SECONDS));
    }

    /** A case of an older schema is upgraded once (audited, as any open upgrades it), then read. */
    @Test
    void aCaseOfAnOlderSchemaIsUpgradedThenRead() throws Exception {
        Path dir = caseOf(3);
        try (H2Database db = H2Database.open(new CaseFolder(dir).databaseBase(), false); var conn = db.connection(); var st = conn.createStatement()) {
            st.execute("ALTER TABLE case_meta DROP COLUMN stats_seq");
            st.execute("UPDATE case_meta SET schema_version = 5");
        }
        Path manifest = dir.resolve("case.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"schemaVersion\" : " + CaseSchema.VERSION, "\"schemaVersion\" : 5"));
        try (Case c = Cases.openForReading(dir)) {
            assertTrue(c.forReading());
            assertEquals(CaseSchema.VERSION, c.info().schemaVersion());
            assertEquals(3, c.search().count("ledger"));
            assertEquals("case.upgrade", c.audit().entries().getLast().action());
        }
        assertTrue(Files.readString(manifest).contains("\"schemaVersion\" : " + CaseSchema.VERSION));
    }

    /** Kills an import part-way (as {@link CrashConsistencyTest} does) and checks it left the index and totals behind. */
    private Path killedImport() throws Exception {
        Path dir = tmp.resolve("case");
        Cases.create(dir, "killed").close();
        Path export = tmp.resolve("export.jsonl");
        Files.writeString(export, "{\"synthetic\":true}\n");
        // the index commits every 2,500 events: stopped at 11,000, the last commit is at most 10,000
        Process importer = ChildJvm.start("ingest", dir.toString(), export.toString(), "20000", "11000");
        children.add(importer);
        ChildJvm.awaitLine(importer, ChildJvm.stdout(importer), "FLUSHED 11000");
        Thread.sleep(1_500); // the writer commits what was handed to it meanwhile
        importer.destroyForcibly(); // SIGKILL: no close
        assertTrue(importer.waitFor(60, TimeUnit.SECONDS));
        Level l = level(dir);
        assertTrue(l.maxSeq() > 0 && l.indexed() < l.maxSeq() && l.counted() < l.maxSeq(), "the import left the index and totals behind: " + l);
        return dir;
    }

    /** How far the database, the index's last commit and the session totals reach (ingest sequences), read without changing the case. */
    record Level(long maxSeq, long indexed, long counted) {}

    private static Level level(Path dir) {
        CaseFolder folder = new CaseFolder(dir);
        try (H2Database db = H2Database.open(folder.databaseBase(), false, true); LuceneIndex index = LuceneIndex.openReadOnly(folder.index())) {
            long maxSeq = db.read("rows", c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COALESCE(MAX(ingest_seq), 0) FROM events")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            return new Level(maxSeq, index.watermark(), db.read("totals", SessionStats::foldedUpTo));
        }
    }

    private static Map<String, Long> totalsPerSession(Case c) {
        Map<String, Long> totals = new TreeMap<>();
        c.events().sessions().forEach(s -> totals.put(s.sessionId(), s.events()));
        return totals;
    }

    private static Map<String, Long> rowsPerSession(Case c) {
        Map<String, Long> rows = new TreeMap<>();
        c.events().forEach(e -> rows.merge(e.sessionId(), 1L, Long::sum));
        return rows;
    }

    private static String afterPid(String openLine) {
        return openLine.split(" ", 3)[2];
    }
}
