package dev.tracehound.timeline.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.CaseException;
import dev.tracehound.timeline.store.Cases;
import dev.tracehound.timeline.store.TestCases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case whose audit log no longer ends where audit.head says is read but never written: otherwise the next write
 * would move the head and erase the only sign that entries were lost. A head left pending by a crash between a
 * commit and the head's move is finished, not mistaken for tampering.
 */
class AuditHeadGuardTest {
    @TempDir Path tmp;
    Path dir;
    Path head;

    @BeforeEach
    void setUp() {
        dir = tmp.resolve("case");
        head = dir.resolve("audit.head");
        try (Case c = Cases.create(dir, "guarded")) {
            c.annotations().tag("event-1", "suspicious", "alice");
        }
    }

    @Test
    void aDatabaseRolledBackToAnOlderCopyIsReadButNotWritten() throws Exception {
        Path older = tmp.resolve("older.mv.db");
        Files.copy(dir.resolve("case.mv.db"), older);
        try (Case c = Cases.open(dir)) {
            c.annotations().tag("event-2", "suspicious", "alice");
            c.annotations().note("event-2", "exfiltration", "alice");
        }
        String headBefore = Files.readString(head);
        Files.copy(older, dir.resolve("case.mv.db"), StandardCopyOption.REPLACE_EXISTING);

        try (Case c = Cases.open(dir)) {
            String problem = c.audit().headProblem().orElseThrow();
            assertTrue(problem.startsWith("the log ends at entry 2 but audit.head records entry 4"), problem);
            CaseException refused = assertThrows(CaseException.class, () -> c.annotations().tag("event-3", "x", "bob"));
            assertTrue(refused.getMessage().contains("writes nothing to this case"), refused.getMessage());
            assertThrows(CaseException.class, () -> c.audit().append("bob", "note", "{}"));
            assertThrows(CaseException.class, () -> TestCases.evidence(c, tmp, "b.jsonl", "{}\n"));
            assertEquals(2, c.audit().entries().size(), "reading still works");
            assertFalse(c.verify().intact());
        }
        assertEquals(headBefore, Files.readString(head), "the head file still shows what was lost");
        try (var files = Files.list(dir.resolve("evidence"))) {
            assertEquals(0, files.count(), "no evidence copied into a case that refuses writes");
        }
    }

    @Test
    void aDeletedHeadFileStopsWrites() throws Exception {
        Files.delete(head);
        try (Case c = Cases.open(dir)) {
            assertEquals("the head file audit.head is missing, but the log has 2 entries", c.audit().headProblem().orElseThrow());
            assertThrows(CaseException.class, () -> c.annotations().tag("event-3", "x", "bob"));
        }
        assertFalse(Files.exists(head));
    }

    @Test
    void aHeadLeftPendingByACrashAfterTheCommitIsFinished() throws Exception {
        // the state a process killed between committing entry 2 and moving its head into place leaves behind
        Path pending = dir.resolve("audit.head.tmp");
        Files.copy(head, pending);
        String first;
        try (Case c = Cases.open(dir)) {
            first = c.audit().entries().getFirst().hash();
        }
        Files.writeString(head, "1 " + first + "\n");
        try (Case c = Cases.open(dir)) {
            assertTrue(c.audit().headProblem().isEmpty(), "a pending head naming the last entry is no tampering");
            assertTrue(c.verify().intact(), c.verify().problems().toString());
            AuditEntry next = c.audit().append("bob", "note", "{}");
            assertEquals(3, next.seq());
            assertEquals("3 " + next.hash(), Files.readString(head).strip());
            assertFalse(Files.exists(pending));
            assertTrue(c.verify().intact(), c.verify().problems().toString());
        }
    }

    @Test
    void aPendingHeadOfAnAppendThatNeverCommittedIsDropped() throws Exception {
        Path pending = dir.resolve("audit.head.tmp");
        Files.writeString(pending, "3 " + "0".repeat(64) + "\n");
        try (Case c = Cases.open(dir)) {
            assertTrue(c.audit().headProblem().isEmpty());
            AuditEntry next = c.audit().append("bob", "note", "{}");
            assertEquals(3, next.seq());
            assertEquals("3 " + next.hash(), Files.readString(head).strip());
            assertFalse(Files.exists(pending));
        }
    }
}
