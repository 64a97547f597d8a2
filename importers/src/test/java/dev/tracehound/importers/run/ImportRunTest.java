package dev.tracehound.importers.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.importers.ImportFixture;
import dev.tracehound.importers.read.DecompressionLimit;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports into a real case (H2 file database + Lucene index), as the CLI does. */
class ImportRunTest {
    private static final Path CLAUDE = ImportFixture.resource("samples/claude-code/simonw_sample_session.jsonl");
    private static final Path SIDECHAIN = ImportFixture.resource("samples/claude-code/daaain_sidechain_integrated.jsonl");
    @TempDir Path dir;

    @Test
    void importsAuditsAndReimportsIdempotently() throws Exception {
        Path caseDir = dir.resolve("case");
        List<ImportProgress> progress = new ArrayList<>();
        try (Case c = Cases.create(caseDir, "t")) {
            List<ImportReport> reports = new ImportRun(c, List.of(CLAUDE, SIDECHAIN), null, progress::add).run();
            assertEquals(2, reports.size());
            ImportReport first = reports.get(0);
            assertTrue(first.ok(), String.valueOf(first.error()));
            assertEquals("claude-code", first.format());
            assertEquals(ImportFixture.sha256(CLAUDE), first.evidenceSha256());
            assertEquals(8, first.records());
            assertEquals(0, first.quarantined());
            assertEquals(first.eventsRead(), first.events() + first.duplicates());
            assertEquals(10, first.events());
            assertEquals(10 + reports.get(1).events(), c.events().count());
            assertTrue(c.evidence().get(first.evidenceSha256()).orElseThrow().complete());
            assertTrue(progress.stream().anyMatch(ImportProgress::done));
            Event write = c.search().search(dev.tracehound.timeline.search.SearchRequest.of("tool:Write", 10)).events().stream()
                    .findFirst().orElse(null);
            assertNotNull(write, "imported events are searchable");
            long imports = c.audit().entries().stream().filter(e -> e.action().equals("import")).count();
            assertEquals(2, imports);
            assertTrue(c.audit().entries().stream().anyMatch(e -> e.action().equals("import") && e.details().contains(first.evidenceSha256())));
        }
        try (Case c = Cases.open(caseDir)) {
            long before = c.events().count();
            ImportReport again = new ImportRun(c, List.of(CLAUDE), null, ImportListener.NONE).run().get(0);
            assertTrue(again.alreadyImported());
            assertEquals(0, again.events());
            assertTrue(again.hint().contains("already imported"));
            assertEquals(before, c.events().count());
            assertTrue(c.verify().intact(), c.verify().toString());
        }
    }

    /** Claude Code sub-agents are sessions of their own whose root hangs from the parent's Task call. */
    @Test
    void subAgentSessionsNameTheirParentSession() throws Exception {
        try (Case c = Cases.create(dir.resolve("case"), "t")) {
            assertTrue(new ImportRun(c, List.of(SIDECHAIN), null, ImportListener.NONE).run().getFirst().ok());
            var sessions = c.events().sessions();
            var subAgents = sessions.stream().filter(s -> s.sessionId().contains(":")).toList();
            assertFalse(subAgents.isEmpty(), sessions::toString);
            for (var sub : subAgents) {
                assertEquals(sub.sessionId().split(":", 2)[0], sub.parentSessionId(), sub::toString);
            }
            assertTrue(sessions.stream().filter(s -> !s.sessionId().contains(":")).allMatch(s -> s.parentSessionId() == null),
                    sessions::toString);
        }
    }

    @Test
    void cancelLeavesAConsistentCaseAndARerunCompletesIt() throws Exception {
        Path file = dir.resolve("events.jsonl");
        int lines = 5_000;
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (int i = 0; i < lines; i++) {
                w.write("{\"message\":\"event " + i + "\",\"datetime\":\"2025-01-01T00:00:00Z\",\"session_id\":\"s\"}\n");
            }
        }
        Path caseDir = dir.resolve("case");
        String sha;
        try (Case c = Cases.create(caseDir, "t")) {
            ImportRun[] run = new ImportRun[1];
            run[0] = new ImportRun(c, List.of(file), null, p -> {
                if (p.records() >= 1 && !p.done()) run[0].cancel();
            });
            ImportReport report = run[0].run().get(0);
            assertTrue(report.cancelled());
            assertFalse(report.ok());
            sha = report.evidenceSha256();
            assertEquals("IMPORTING", c.evidence().get(sha).orElseThrow().status());
            assertTrue(c.events().count() < lines, "stopped early: " + c.events().count());
            assertEquals(report.events(), c.events().count(), "what was read before the cancel was flushed");
        }
        try (Case c = Cases.open(caseDir)) {
            assertTrue(c.verify().intact(), c.verify().toString());
            long kept = c.events().count();
            ImportReport rerun = new ImportRun(c, List.of(file), null, ImportListener.NONE).run().get(0);
            assertFalse(rerun.alreadyImported());
            assertTrue(rerun.ok());
            assertEquals(lines, rerun.records());
            assertEquals(kept, rerun.duplicates());
            assertEquals(lines, c.events().count());
            assertTrue(c.evidence().get(sha).orElseThrow().complete());
        }
    }

    @Test
    void wrongFormatQuarantinesEverythingWithAHint() throws Exception {
        Path file = dir.resolve("asb.jsonl");
        Files.write(file, Files.readAllLines(ImportFixture.shared("corpus/asb/asb-clean.jsonl")).subList(0, 10));
        try (Case c = Cases.create(dir.resolve("case"), "t")) {
            ImportReport report = new ImportRun(c, List.of(file), "claude-code", ImportListener.NONE).run().get(0);
            assertEquals(10, report.records());
            assertEquals(10, report.quarantined());
            assertEquals(0, report.events());
            assertTrue(report.hint().startsWith("does not look like claude-code; detected format would be chat"), report.hint());
            assertEquals("line:1", report.quarantine().get(0).locator());
            assertTrue(report.quarantine().get(0).excerpt().length() <= 200);
            assertEquals(10L, report.toMap().get("quarantined"));
            assertTrue(report.error().contains("every record was quarantined"), report.error());
            assertFalse(c.evidence().get(report.evidenceSha256()).orElseThrow().complete(), "the right format can still import it");

            ImportReport right = new ImportRun(c, List.of(file), null, ImportListener.NONE).run().get(0);
            assertEquals("chat", right.format());
            assertTrue(right.ok(), String.valueOf(right.error()));
            assertEquals(0, right.quarantined());
            assertTrue(right.events() > 10);
            assertEquals("chat", c.evidence().get(right.evidenceSha256()).orElseThrow().format(), "the format that read it is recorded");
            assertTrue(c.evidence().get(right.evidenceSha256()).orElseThrow().complete());
            var reset = c.audit().entries().stream().filter(e -> e.action().equals("quarantine-reset")).toList();
            assertEquals(1, reset.size(), "the cleared quarantine is audited");
            assertTrue(reset.getFirst().details().contains("\"cleared\":10"), reset.getFirst().details());
            assertTrue(c.verify().intact(), c.verify().toString());
        }
        assertEquals(0, quarantineRows(dir.resolve("case")), "the wrong run's quarantine rows are gone");
    }

    /**
     * A syntax error in the middle of a JSON document: reading cannot resume after it, so the import stops there and
     * says so. What came before is in the case, the counts add up, and the evidence stays importable (not complete).
     */
    @Test
    void aDocumentBrokenMidFileStopsAndSaysWhatWasRead() throws Exception {
        String trace = Files.readString(ImportFixture.resource("samples/langfuse/langfuse_crewai-2025-07-11.trace.json"));
        Path file = Files.writeString(dir.resolve("traces.json"), "[\n" + trace + ",\n{\"trace\":{\"id\": nope}},\n" + trace + "\n]\n");
        try (Case c = Cases.create(dir.resolve("case"), "t")) {
            ImportReport report = new ImportRun(c, List.of(file), null, ImportListener.NONE).run().get(0);
            assertEquals("langfuse", report.format());
            assertEquals(8, report.records(), "the first trace, its 6 observations, and the broken trace");
            assertEquals(1, report.quarantined());
            assertEquals(7, report.recordsConverted());
            assertEquals(11, report.events());
            assertEquals("/1", report.quarantine().getFirst().locator());
            assertTrue(report.error().contains("reading stopped at line "), report.error());
            assertTrue(report.error().contains("bytes after it were not read"), report.error());
            assertFalse(report.ok());
            assertNull(report.hint());
            assertFalse(c.evidence().get(report.evidenceSha256()).orElseThrow().complete(), "part of the file was not read");
        }
    }

    /** Rows in the case database's quarantine table (there is no reader API for it; read the closed case's file). */
    private static long quarantineRows(Path caseDir) throws Exception {
        String url = "jdbc:h2:file:" + caseDir.resolve("case").toAbsolutePath() + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
        try (var conn = java.sql.DriverManager.getConnection(url, "tracehound", "");
             var rs = conn.createStatement().executeQuery("SELECT COUNT(*) FROM quarantine")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void unknownFormatNameFailsBeforeAnyFile() {
        var e = assertThrows(IllegalArgumentException.class, () -> new ImportRun(null, List.of(), "langfuze", ImportListener.NONE));
        assertTrue(e.getMessage().contains("known formats: "), e.getMessage());
        assertTrue(e.getMessage().contains("claude-code"), e.getMessage());
    }

    @Test
    void binaryGarbageIsRefusedWholeAndNothingEntersTheCase() throws Exception {
        Path file = dir.resolve("core.dump");
        byte[] junk = new byte[100_000];
        new java.util.Random(7).nextBytes(junk);
        Files.write(file, junk);
        try (Case c = Cases.create(dir.resolve("case"), "t")) {
            ImportReport report = new ImportRun(c, List.of(file), null, ImportListener.NONE).run().get(0);
            assertNotNull(report.error());
            assertTrue(report.error().contains("binary") || report.error().contains("not UTF-8"), report.error());
            assertTrue(c.evidence().list().isEmpty());
            assertEquals(0, c.events().count());
        }
    }

    @Test
    void gzippedFilesImportTransparentlyAndBombsStopKeepingWhatWasRead() throws Exception {
        Path gz = dir.resolve("session.log");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(CLAUDE, out);
        }
        Path bomb = dir.resolve("bomb.jsonl.gz");
        byte[] line = ("{\"message\":\"" + "x".repeat(10_000) + "\",\"datetime\":\"2025-01-01T00:00:00Z\"}\n").getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb))) {
            for (int i = 0; i < 5_000; i++) out.write(line); // 50 MB inflated from about 50 KB
        }
        long compressed = Files.size(bomb);
        try (Case c = Cases.create(dir.resolve("case"), "t")) {
            ImportReport plain = new ImportRun(c, List.of(gz), null, ImportListener.NONE).run().get(0);
            assertEquals("claude-code", plain.format());
            assertEquals(10, plain.events());

            ImportReport report = new ImportRun(c, List.of(bomb), null, ImportListener.NONE)
                    .decompressionLimit(new DecompressionLimit(1 << 20, 10)).run().get(0);
            assertNotNull(report.error());
            assertTrue(report.error().contains("gzip bomb"), report.error());
            assertTrue(compressed * 10 < (1 << 20), "the file inflates far past the ratio: " + compressed);
            assertTrue(report.events() > 10 && report.events() < 5_000, "kept what was read: " + report.events());
            assertEquals("IMPORTING", c.evidence().get(report.evidenceSha256()).orElseThrow().status());
            assertNull(report.hint());
        }
    }
}
