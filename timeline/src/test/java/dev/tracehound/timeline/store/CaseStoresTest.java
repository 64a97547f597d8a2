package dev.tracehound.timeline.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.timeline.annotate.Annotations;
import dev.tracehound.timeline.artifacts.ArtifactRecord;
import dev.tracehound.timeline.audit.AuditEntry;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import dev.tracehound.timeline.evidence.Hashing;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.FindingStatus;
import dev.tracehound.timeline.findings.Severity;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseStoresTest {
    @TempDir Path tmp;

    private static List<String> actions(Case c) {
        return c.audit().entries().stream().map(AuditEntry::action).toList();
    }

    @Test
    void evidenceIsCopiedUnderItsHashOnceAndReadBack() throws Exception {
        try (Case c = Cases.create(tmp.resolve("case"), "evidence")) {
            Path f = tmp.resolve("export.jsonl");
            Files.writeString(f, "{\"a\":1}\n");
            EvidenceRecord r = c.evidence().add(f, "jsonl");
            assertEquals(Hashing.sha256Hex(f), r.sha256());
            assertEquals(Files.size(f), r.size());
            assertEquals("IMPORTING", r.status());
            assertEquals(f.toAbsolutePath().toString(), r.originalPath());
            Path copy = tmp.resolve("copy-elsewhere.jsonl");
            Files.copy(f, copy);
            assertEquals(r, c.evidence().add(copy, "jsonl")); // same bytes: the existing record
            assertEquals(List.of(r), c.evidence().list());
            try (InputStream in = c.evidence().open(r.sha256())) {
                assertEquals("{\"a\":1}\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            try (var files = Files.list(tmp.resolve("case/evidence"))) {
                assertEquals(List.of(r.sha256()), files.map(p -> p.getFileName().toString()).toList()); // no temp files left
            }
            assertEquals(1, actions(c).stream().filter("evidence.add"::equals).count());
        }
    }

    @Test
    void findingsKeepTheInvestigatorsStatusWhenSavedAgain() {
        try (Case c = Cases.create(tmp.resolve("case"), "findings")) {
            Finding f = new Finding("f1", "injection", Severity.HIGH, List.of("AML.T0051.001"), List.of("LLM01"), "s1",
                    List.of("e1", "e2"), "tool output told the model to email the report", FindingStatus.NEW, "e1", "e2",
                    Instant.parse("2025-01-01T00:00:00Z"));
            c.findings().save(List.of(f));
            Finding confirmed = c.findings().setStatus("f1", FindingStatus.CONFIRMED, "alice", "verified with the user");
            assertEquals(FindingStatus.CONFIRMED, confirmed.status());
            Finding rerun = new Finding("f1", "injection", Severity.CRITICAL, List.of("AML.T0051.001"), List.of("LLM01"), "s1",
                    List.of("e1", "e2", "e3"), "updated", FindingStatus.NEW, "e1", "e3", Instant.now());
            c.findings().save(List.of(rerun));
            Finding stored = c.findings().get("f1").orElseThrow();
            assertEquals(FindingStatus.CONFIRMED, stored.status());
            assertEquals(Severity.CRITICAL, stored.severity());
            assertEquals(List.of("e1", "e2", "e3"), stored.eventIds());
            assertEquals(Instant.parse("2025-01-01T00:00:00Z"), stored.created());
            assertEquals(1, c.findings().list().size());
            AuditEntry status = c.audit().entries().stream().filter(e -> e.action().equals("finding.status")).findFirst().orElseThrow();
            assertEquals("alice", status.actor());
            assertTrue(status.details().contains("\"from\":\"NEW\",\"to\":\"CONFIRMED\""), status.details());
        }
    }

    @Test
    void annotationsAreAuditedAndReadBack() {
        try (Case c = Cases.create(tmp.resolve("case"), "annotations")) {
            c.annotations().star("e1", true, "alice");
            c.annotations().tag("e1", "exfil", "alice");
            c.annotations().tag("e1", "exfil", "alice");
            c.annotations().tag("e1", "ioc", "bob");
            c.annotations().untag("e1", "ioc", "bob");
            c.annotations().note("e1", "first", "alice");
            c.annotations().note("e1", "second", "bob");
            c.annotations().tag("s9", "session-tag", "bob");
            assertEquals(new Annotations("e1", true, Set.of("exfil"), List.of("first", "second")), c.annotations().of("e1"));
            assertTrue(c.annotations().of("nothing").isEmpty());
            assertEquals(List.of("e1", "s9"), c.annotations().all().stream().map(Annotations::targetId).toList());
            c.annotations().star("e1", false, "alice");
            assertFalse(c.annotations().of("e1").starred());
            assertEquals(List.of("case.create", "annotation.star", "annotation.tag", "annotation.tag", "annotation.tag", "annotation.untag",
                    "annotation.note", "annotation.note", "annotation.tag", "annotation.unstar"), actions(c));
            assertTrue(c.verify().intact());
        }
    }

    @Test
    void artifactsAreContentAddressedAndDocumentsKeepInsertionOrder() {
        try (Case c = Cases.create(tmp.resolve("case"), "artifacts")) {
            byte[] body = "{\"model\":\"gpt-4o\"}".getBytes(StandardCharsets.UTF_8);
            ArtifactRecord a = c.artifacts().add("replay-request", body, "{\"run\":1}", "alice");
            assertEquals(Hashing.sha256Hex(body), a.sha256());
            assertEquals(a, c.artifacts().add("replay-request", body, "{\"run\":2}", "alice"));
            assertArrayEquals(body, c.artifacts().content(a.sha256()).orElseThrow());
            assertEquals(List.of(a), c.artifacts().list("replay-request"));
            assertEquals(List.of(), c.artifacts().list("replay-response"));
            assertEquals(1, actions(c).stream().filter("artifact.add"::equals).count());

            c.documents().put("playbook-runs", "b", "{\"v\":1}");
            c.documents().put("playbook-runs", "a", "{\"v\":2}");
            c.documents().put("playbook-runs", "b", "{\"v\":3}");
            c.documents().put("saved-searches", "x", "{}");
            assertEquals(List.of(new CaseDocuments.Document("b", "{\"v\":3}"), new CaseDocuments.Document("a", "{\"v\":2}")),
                    c.documents().list("playbook-runs"));
            assertEquals("{}", c.documents().get("saved-searches", "x").orElseThrow());
            assertTrue(c.documents().get("saved-searches", "y").isEmpty());
        }
    }
}
