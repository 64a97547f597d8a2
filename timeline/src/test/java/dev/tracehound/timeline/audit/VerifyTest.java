package dev.tracehound.timeline.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.timeline.evidence.EvidenceRecord;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import dev.tracehound.timeline.store.LocalCase;
import dev.tracehound.timeline.store.TestCases;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyTest {
    @TempDir Path tmp;
    Path dir;
    EvidenceRecord ev;

    /** A case with one evidence file and a handful of audit entries (create, evidence.add, tags, notes). */
    @BeforeEach
    void setUp() {
        dir = tmp.resolve("case");
        try (Case c = Cases.create(dir, "verify")) {
            ev = TestCases.evidence(c, tmp, "a.jsonl", "{\"line\":1}\n{\"line\":2}\n");
            for (int i = 0; i < 5; i++) c.annotations().tag("event-" + i, "suspicious", "alice");
            c.annotations().note("event-1", "looks like an injection", "alice");
        }
    }

    private VerifyReport verify() {
        try (Case c = Cases.open(dir)) {
            return c.verify();
        }
    }

    private void sql(String statement) throws Exception {
        try (Case c = Cases.open(dir); Connection con = ((LocalCase) c).database().connection(); Statement st = con.createStatement()) {
            st.executeUpdate(statement);
        }
    }

    @Test
    void anUntouchedCaseIsIntact() {
        VerifyReport r = verify();
        assertTrue(r.intact(), r.problems().toString());
        assertEquals(1, r.evidenceFiles());
        assertEquals(8, r.auditEntries());
    }

    @Test
    void detailsTooLongForAnAuditEntryAreAuditedByTheirHash() {
        // as a finding-status or playbook tick with a pasted 120 KB note describes itself
        String details = "{\"note\":\"" + "pasted mail log line ".repeat(6_000) + "\"}";
        try (Case c = Cases.open(dir)) {
            AuditEntry entry = c.audit().append("alice", "finding-status", details);
            assertTrue(entry.details().startsWith("{\"detailsSha256\":\"" + dev.tracehound.timeline.evidence.Hashing.sha256Hex(
                    details.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\",\"detailsLength\":" + details.length()), entry.details());
            assertTrue(entry.details().length() < 5_000, "bounded: " + entry.details().length());
            assertTrue(c.verify().intact(), c.verify().problems().toString());
        }
    }

    @Test
    void evidenceIsReadOnlyOnDisk() {
        Path stored = dir.resolve("evidence").resolve(ev.sha256());
        assertEquals("r--r--r--", PosixFilePermissions.toString(assertDoesNotThrowPerms(stored)));
        assertFalse(Files.isWritable(stored) && !"root".equals(System.getProperty("user.name")));
        if (!"root".equals(System.getProperty("user.name"))) {
            assertThrows(AccessDeniedException.class, () -> Files.writeString(stored, "x"));
        }
    }

    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> assertDoesNotThrowPerms(Path p) {
        try {
            return Files.getPosixFilePermissions(p);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aFlippedByteInEvidenceIsNamed() throws Exception {
        Path stored = dir.resolve("evidence").resolve(ev.sha256());
        Files.setPosixFilePermissions(stored, PosixFilePermissions.fromString("rw-r--r--"));
        byte[] bytes = Files.readAllBytes(stored);
        bytes[3] ^= 1;
        Files.write(stored, bytes);
        List<String> problems = verify().problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().startsWith("evidence " + ev.sha256().substring(0, 8) + "…"), problems.getFirst());
        assertTrue(problems.getFirst().contains("(file changed)"), problems.getFirst());
    }

    @Test
    void anEditedAuditRowIsNamed() throws Exception {
        sql("UPDATE audit SET details = '{\"target\":\"event-2\",\"tag\":\"benign\"}' WHERE seq = 5");
        List<String> problems = verify().problems();
        assertEquals(List.of("audit entry 5: hash does not match its contents (edited?)"), problems);
    }

    @Test
    void aDeletedMiddleRowIsNamed() throws Exception {
        sql("DELETE FROM audit WHERE seq = 4");
        List<String> problems = verify().problems();
        assertEquals("audit entry 4: missing, sequence gap (deleted?)", problems.getFirst());
    }

    @Test
    void deletedLastRowsAreCaughtByTheHeadFile() throws Exception {
        sql("DELETE FROM audit WHERE seq >= 7");
        // opening and closing the case to delete rows appends nothing, so the head still says 8
        List<String> problems = verify().problems();
        assertEquals(List.of("audit entries 7..8: missing at the end of the log; audit.head records entry 8 (deleted?)"), problems);
    }

    @Test
    void aRewrittenChainStillDisagreesWithTheHead() throws Exception {
        // an attacker edits the last row and recomputes its hash: the chain is valid but the head remembers
        try (Case c = Cases.open(dir); Connection con = ((LocalCase) c).database().connection(); Statement st = con.createStatement()) {
            var e = c.audit().entries().getLast();
            String details = "{\"target\":\"event-1\",\"chars\":1}";
            String hash = AuditChain.hash(e.prevHash(), e.seq(), e.time().toString(), e.actor(), e.action(), details);
            st.executeUpdate("UPDATE audit SET details = '" + details + "', hash = '" + hash + "' WHERE seq = " + e.seq());
        }
        assertEquals(List.of("audit entry 8: hash differs from the one in audit.head (last entry replaced?)"), verify().problems());
    }
}
