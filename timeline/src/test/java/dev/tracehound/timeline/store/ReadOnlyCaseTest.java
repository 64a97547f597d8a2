package dev.tracehound.timeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.FindingStatus;
import dev.tracehound.timeline.findings.Severity;
import dev.tracehound.timeline.search.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cases on read-only media, or copies made read-only with {@code chmod -R a-w}, open for reading and refuse every
 * change. The tests run as root in CI, and root may write any file whatever its mode, so a read-only folder is made the
 * way an investigator marks one (no write permission for anyone), which Tracehound honours for root too; and every
 * test proves the folder unchanged byte for byte afterwards, which a write that root was allowed would break. A real
 * read-only mount is recognised from the mount table ({@link #aReadOnlyMountIsRecognisedFromTheMountTable}).
 */
class ReadOnlyCaseTest {
    @TempDir Path tmp;
    Path dir;
    final List<Event> events = new ArrayList<>();

    @AfterEach
    void makeWritableAgain() throws IOException {
        if (dir != null && Files.exists(dir)) walk(dir, p -> addWrite(p));
    }

    private void build(int lines) {
        dir = tmp.resolve("case");
        try (Case c = Cases.create(dir, "evidence on a DVD")) {
            EvidenceRecord ev = TestCases.evidence(c, tmp, "a.jsonl", "{}\n".repeat(lines));
            for (int i = 1; i <= lines; i++) {
                events.add(TestCases.event(ev, i, "s1", i % 2 == 1 ? EventKind.USER_MESSAGE : EventKind.MODEL_RESPONSE, "invoice number " + i));
            }
            TestCases.ingestAll(c, ev, events);
            c.annotations().tag(events.getFirst().eventId(), "carrier", "alice");
            c.findings().save(List.of(new Finding("f-1", "tool-abuse", Severity.HIGH, List.of("AML.T0053"), List.of("LLM06"), "s1",
                    List.of(events.getFirst().eventId()), "mailed the list", null, null, null, Instant.parse("2025-01-01T00:00:00Z"))));
        }
    }

    @Test
    void aCaseNoOneMayWriteOpensForReadingAndRefusesEveryChangeWithoutTouchingTheFolder() throws Exception {
        build(6);
        makeReadOnly(dir);
        Map<String, String> before = snapshot(dir);

        try (Case c = Cases.open(dir)) {
            assertEquals("the case folder grants no one write permission", c.readOnly().orElseThrow());
            // reads
            assertEquals(6, c.search().search(SearchRequest.of("invoice", 10)).events().size());
            assertEquals(events.get(2), c.events().get(events.get(2).eventId()).orElseThrow());
            assertEquals(6, c.events().sessions().getFirst().events());
            assertEquals(Set.of("carrier"), c.annotations().of(events.getFirst().eventId()).tags());
            assertEquals(1, c.findings().list().size());
            int entries = c.audit().entries().size();
            assertTrue(c.verify().intact(), c.verify().problems().toString());
            assertTrue(c.audit().headProblem().isEmpty());

            // every change is refused, saying why and how to get a copy to work on
            List<Runnable> writes = List.of(
                    () -> c.annotations().tag(events.get(1).eventId(), "x", "bob"),
                    () -> c.annotations().note(events.get(1).eventId(), "a note", "bob"),
                    () -> c.findings().setStatus("f-1", FindingStatus.CONFIRMED, "bob", "seen"),
                    () -> c.findings().save(List.of(new Finding("f-2", "sensitive-data", Severity.LOW, List.of(), List.of(), "s1",
                            List.of(), "a card number", null, null, null, Instant.parse("2025-01-01T00:00:00Z")))),
                    () -> c.documents().put("report", "summary", "{}"),
                    () -> c.audit().append("bob", "note", "{}"),
                    () -> TestCases.evidence(c, tmp, "b.jsonl", "{\"b\":1}\n"),
                    () -> c.ingest(c.evidence().list().getFirst(), "bob"));
            for (Runnable w : writes) {
                CaseException refused = assertThrows(CaseException.class, w::run);
                assertTrue(refused.getMessage().startsWith("The case at " + dir.toRealPath() + " is read-only (the case folder grants no one"
                        + " write permission): it is open for reading only"), refused.getMessage());
                assertTrue(refused.getMessage().contains("cp -r " + dir.toRealPath() + " COPY && chmod -R u+w COPY"), refused.getMessage());
            }
            assertEquals(entries, c.audit().entries().size(), "nothing was audited, nothing was changed");
        }
        assertEquals(before, snapshot(dir), "not a byte of the folder changed, not a file added (no lock, no trace, no index lock)");
    }

    @Test
    void aReadOnlyCaseIsOpenOnlyOnceInAProgramAndReleasedOnClose() throws Exception {
        build(2);
        makeReadOnly(dir);
        try (Case c = Cases.open(dir)) {
            CaseException busy = assertThrows(CaseException.class, () -> Cases.open(dir));
            assertTrue(busy.getMessage().contains("this same program"), busy.getMessage());
        }
        try (Case c = Cases.open(dir)) {
            assertTrue(c.readOnly().isPresent());
        }
    }

    /**
     * A reader's shared lock keeps a writer out, as when the owner, who may write, opens a case someone else is reading
     * from a read-only view of it; the writer is told the case is being read, not "already open for writing".
     */
    @Test
    void aWriterIsToldThatAnotherProgramHasTheCaseOpenForReading() throws Exception {
        build(2);
        makeReadOnly(dir);
        Process child = ChildJvm.start("hold", dir.toString());
        try {
            ChildJvm.awaitLine(child, ChildJvm.stdout(child), "OPEN");
            makeWritableAgain();
            CaseException e = assertThrows(CaseException.class, () -> Cases.open(dir));
            assertEquals("The case is open for reading by another program (a search, timeline or other reading command, or a program"
                    + " reading a read-only case), and a case is changed only while no other program has it open. Wait for the reading"
                    + " to end, then run this again (the lock is " + dir.resolve("case.lock") + "; it is released automatically when that"
                    + " program exits).", e.getMessage());
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        try (Case c = Cases.open(dir)) {
            assertTrue(c.readOnly().isEmpty(), "once the reader has gone, the case opens for writing");
        }
    }

    @Test
    void aWriterInTheSameProgramIsToldTheCaseIsOpenThereForReading() throws Exception {
        build(1);
        makeReadOnly(dir);
        try (Case reading = Cases.open(dir)) {
            assertTrue(reading.readOnly().isPresent());
            makeWritableAgain();
            CaseException e = assertThrows(CaseException.class, () -> Cases.open(dir));
            assertTrue(e.getMessage().startsWith("The case is open for reading by pid " + ProcessHandle.current().pid()), e.getMessage());
            assertTrue(e.getMessage().contains("(this same program), and a case is changed only while no other program has it open. Wait for the reading to end"),
                    e.getMessage());
        }
    }

    @Test
    void anIndexBehindTheDatabaseIsBroughtLevelOutsideTheFolder() throws Exception {
        build(4);
        Path olderIndex = tmp.resolve("older-index");
        copyTree(dir.resolve("index"), olderIndex);
        Event later;
        try (Case c = Cases.open(dir)) {
            EvidenceRecord ev = TestCases.evidence(c, tmp, "b.jsonl", "{\"b\":1}\n{\"b\":2}\n");
            later = TestCases.event(ev, 1, "s2", EventKind.USER_MESSAGE, "a quarterly ledger");
            TestCases.ingestAll(c, ev, List.of(later));
        }
        // the state a crash after the database committed, before the index did, leaves behind
        deleteTree(dir.resolve("index"));
        copyTree(olderIndex, dir.resolve("index"));
        makeReadOnly(dir);
        Map<String, String> before = snapshot(dir);
        Set<Path> scratchBefore = scratchFolders();

        try (Case c = Cases.open(dir)) {
            assertEquals(List.of(later), c.search().search(SearchRequest.of("ledger", 10)).events(), "found through the rebuilt copy");
            assertEquals(later, c.events().get(later.eventId()).orElseThrow(), "lookups by id go through the index too");
            assertEquals(5, ((LocalCase) c).index().numDocs());
            assertFalse(((LocalCase) c).index().readOnly(), "a writable copy, outside the case folder");
        }
        assertEquals(before, snapshot(dir));
        assertEquals(scratchBefore, scratchFolders(), "the copy is deleted on close");
    }

    @Test
    void aMissingIndexIsRebuiltOutsideTheFolder() throws Exception {
        build(3);
        deleteTree(dir.resolve("index"));
        makeReadOnly(dir);
        Map<String, String> before = snapshot(dir);
        try (Case c = Cases.open(dir)) {
            assertEquals(3, c.search().search(SearchRequest.of("invoice", 10)).events().size());
        }
        assertEquals(before, snapshot(dir));
    }

    @Test
    void aCaseThatNeedsAnUpgradeIsNotOpenedButExplained() throws Exception {
        build(1);
        int old = CaseSchema.OLDEST_READ_AS_IS - 1;
        Path manifest = dir.resolve("case.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"schemaVersion\" : " + CaseSchema.VERSION,
                "\"schemaVersion\" : " + old));
        makeReadOnly(dir);
        Map<String, String> before = snapshot(dir);
        CaseException e = assertThrows(CaseException.class, () -> Cases.open(dir));
        assertTrue(e.getMessage().contains("has schema version " + old + "; this build reads versions " + CaseSchema.OLDEST_READ_AS_IS
                + " to " + CaseSchema.VERSION + " as they are and upgrades older cases when it opens them, which writes to the case, but it is read-only"), e.getMessage());
        assertTrue(e.getMessage().contains("cp -r"), e.getMessage());
        assertEquals(before, snapshot(dir));
    }

    /** A case killed before its session totals were written lists them from the rows, though it cannot store them. */
    @Test
    void sessionTotalsAKilledImportLeftUnwrittenAreCountedFromTheRows() throws Exception {
        build(5);
        try (H2Database db = H2Database.open(new CaseFolder(dir).databaseBase(), false);
             var conn = db.connection(); var st = conn.createStatement()) {
            st.execute("DELETE FROM session_stats"); // as a kill before the first write of the totals leaves them
            st.execute("UPDATE case_meta SET stats_seq = 0");
        }
        makeReadOnly(dir);
        Map<String, String> before = snapshot(dir);
        try (Case c = Cases.open(dir)) {
            List<SessionSummary> sessions = c.events().sessions();
            assertEquals(1, sessions.size());
            assertEquals("s1", sessions.getFirst().sessionId());
            assertEquals(5, sessions.getFirst().events());
        }
        assertEquals(before, snapshot(dir));
    }

    /** A version-5 case (the previous release's) differs only in what writers use, so it is read as it is. */
    @Test
    void aVersionFiveCaseIsReadAsItIs() throws Exception {
        build(3);
        try (H2Database db = H2Database.open(new CaseFolder(dir).databaseBase(), false);
             var conn = db.connection(); var st = conn.createStatement()) {
            st.execute("ALTER TABLE case_meta DROP COLUMN stats_seq");
            st.execute("UPDATE case_meta SET schema_version = 5");
        }
        Path manifest = dir.resolve("case.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"schemaVersion\" : " + CaseSchema.VERSION, "\"schemaVersion\" : 5"));
        makeReadOnly(dir);
        Map<String, String> before = snapshot(dir);
        try (Case c = Cases.open(dir)) {
            assertEquals(5, c.info().schemaVersion());
            assertEquals(3, c.events().sessions().stream().mapToLong(SessionSummary::events).sum());
            assertEquals(3, c.search().search(SearchRequest.of("invoice", 10)).events().size());
            assertTrue(c.verify().intact());
        }
        assertEquals(before, snapshot(dir));
    }

    @Test
    void aWritableCaseIsNotReadOnlyAndTheDatabaseFileAloneMakesItSo() throws Exception {
        build(1);
        try (Case c = Cases.open(dir)) {
            assertTrue(c.readOnly().isEmpty());
        }
        Files.setPosixFilePermissions(dir.resolve("case.mv.db"), EnumSet.of(PosixFilePermission.OWNER_READ));
        try (Case c = Cases.open(dir)) {
            assertEquals("case.mv.db grants no one write permission", c.readOnly().orElseThrow());
        }
    }

    @Test
    void aReadOnlyMountIsRecognisedFromTheMountTable() {
        List<String> mounts = List.of(
                "22 1 253:0 / / rw,relatime shared:1 - ext4 /dev/vda rw",
                "40 22 0:35 / /tmp rw,nosuid shared:2 - tmpfs tmpfs rw",
                "51 22 253:0 /cases/dvd /media/evidence\\040dvd ro,relatime shared:1 - ext4 /dev/vda rw",
                "52 40 0:35 /x /tmp/x ro,relatime - tmpfs tmpfs rw",
                "53 40 0:35 /x /tmp/x rw,relatime - tmpfs tmpfs rw");
        assertTrue(ReadOnlyCase.readOnlyIn(Path.of("/media/evidence dvd/case"), mounts), "a read-only bind mount of a writable disk");
        assertFalse(ReadOnlyCase.readOnlyIn(Path.of("/media/evidence dvd2/case"), mounts), "a prefix of a name is not its folder");
        assertFalse(ReadOnlyCase.readOnlyIn(Path.of("/home/ann/case"), mounts));
        assertFalse(ReadOnlyCase.readOnlyIn(Path.of("/tmp/x/case"), mounts), "the later of two mounts on one point is the one seen");
    }

    /** Takes every write permission away, like {@code chmod -R a-w}. */
    static void makeReadOnly(Path dir) throws IOException {
        walk(dir, p -> {
            try {
                Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(p));
                perms.removeAll(List.of(PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE));
                Files.setPosixFilePermissions(p, perms);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static void addWrite(Path p) {
        try {
            Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(p));
            perms.add(PosixFilePermission.OWNER_WRITE);
            Files.setPosixFilePermissions(p, perms);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void walk(Path dir, Consumer<Path> action) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.forEach(action);
        }
    }

    /** Every file and folder under {@code dir} with its content hash (or "dir"), and its modification time. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String what = Files.isDirectory(p) ? "dir" : dev.tracehound.timeline.evidence.Hashing.sha256Hex(p);
                m.put(dir.relativize(p).toString(), what + " " + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return m;
    }

    private static Set<Path> scratchFolders() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return new java.util.TreeSet<>(s.filter(p -> p.getFileName().toString().startsWith("tracehound-index-")).toList());
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
