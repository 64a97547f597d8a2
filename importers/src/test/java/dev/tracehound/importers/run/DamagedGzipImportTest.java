package dev.tracehound.importers.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.ImportFixture;
import dev.tracehound.importers.read.Json;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gzipped export cut short (a partial download or copy) or corrupt, imported into a real case: the compressed bytes
 * are the evidence, every record inflated before the damage imports, and the damage is one quarantined record.
 */
class DamagedGzipImportTest {
    @TempDir Path dir;

    @Test
    void aTruncatedGzipImportsEveryLineBeforeTheCutInEveryLineFormat() throws Exception {
        cutAndCompare("claude-code", ImportFixture.shared("samples/claude-code/daaain_sidechain_integrated.jsonl"));
        cutAndCompare("codex", ImportFixture.shared("samples/codex-openai/daaain_codex_rollout_synthetic.jsonl"));
        cutAndCompare("chat", ImportFixture.shared("corpus/asb/asb-clean.jsonl"));
        cutAndCompare("mcp", ImportFixture.resource("samples/mcp/gateway_wrapped.jsonl"));
        StringBuilder generic = new StringBuilder();
        for (int i = 0; i < 300; i++) generic.append("{\"message\":\"line ").append(i).append("\",\"datetime\":\"2025-01-01T00:00:00Z\"}\n");
        cutAndCompare("generic", Files.writeString(dir.resolve("generic.jsonl"), generic));
    }

    @Test
    void aTruncatedGzipOfOtlpJsonlKeepsTheSpansBeforeTheCut() throws Exception {
        // the collector's file exporter: one request per line; the first pass (PreReading) meets the cut as well
        JsonNode requests = Json.MAPPER.readTree(ImportFixture.shared("samples/openinference/agentprism_rag_earnings_agent.otlp.json").toFile());
        StringBuilder jsonl = new StringBuilder();
        requests.forEach(r -> jsonl.append(Json.write(r)).append('\n'));
        Path gz = ImportFixture.truncatedGzip(Files.writeString(dir.resolve("spans.jsonl"), jsonl), dir.resolve("spans.jsonl.gz"), 0.95);
        long lines = new String(ImportFixture.inflatable(gz), StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
        try (Case c = Cases.create(dir.resolve("otlp-case"), "t")) {
            ImportReport report = importOne(c, gz);
            assertEquals("otlp", report.format());
            QuarantineEntry cut = assertOneCut(c, report, gz);
            assertEquals("line:" + (lines + 1) + " (compressed byte " + Files.size(gz) + ")", cut.locator());
            assertTrue(report.events() > 0, "spans of the complete lines imported");
        }
    }

    @Test
    void aTruncatedJsonDocumentKeepsItsRecordsBeforeTheCutOrStopsAsAPlainOneDoes() throws Exception {
        Path runs = ImportFixture.shared("samples/langsmith/langsmith_js_wrap_openai_reasoning.json"); // post[] and patch[]
        Path trace = ImportFixture.shared("samples/langfuse/agentprism_langfuse-3.json"); // one trace object: one record
        Path runsGz = ImportFixture.truncatedGzip(runs, dir.resolve("runs.json.gz"), 0.9);
        Path traceGz = ImportFixture.truncatedGzip(trace, dir.resolve("trace.json.gz"), 0.9);
        Path tracePlain = Files.write(dir.resolve("trace-cut.json"), ImportFixture.inflatable(traceGz));
        try (Case c = Cases.create(dir.resolve("doc-case"), "t")) {
            ImportReport langsmith = importOne(c, runsGz);
            assertEquals("langsmith", langsmith.format());
            QuarantineEntry cut = assertOneCut(c, langsmith, runsGz);
            assertTrue(cut.locator().endsWith(" (compressed byte " + Files.size(runsGz) + ")"), cut.locator());
            assertTrue(cut.reason().endsWith("(" + (langsmith.records() - 1) + " record" + (langsmith.records() == 2 ? "" : "s")
                    + " read before it)"), cut.reason());

            ImportReport plain = importOne(c, tracePlain);
            ImportReport langfuse = importOne(c, traceGz);
            // the model: a plain file cut inside its one trace quarantines that record, and nothing else is lost
            assertNull(plain.error(), plain.toMap().toString());
            assertTrue(plain.quarantined() >= 1, plain.toMap().toString());
            assertNull(langfuse.error(), langfuse.toMap().toString());
            assertEquals(plain.records(), langfuse.records(), "the cut gzip reads as the cut plain file: " + langfuse.toMap());
            assertEquals(plain.quarantined(), langfuse.quarantined());
            assertEquals(plain.events(), langfuse.events());
            assertTrue(langfuse.quarantine().stream().anyMatch(q -> q.reason().startsWith("the gzip stream is truncated")),
                    "the damage is named: " + langfuse.quarantine());
            assertEquals(ImportFixture.sha256(traceGz), langfuse.evidenceSha256(), "the evidence is kept, as for the plain file");
            assertEquals(c.evidence().get(plain.evidenceSha256()).orElseThrow().status(),
                    c.evidence().get(langfuse.evidenceSha256()).orElseThrow().status());
        }
    }

    @Test
    void aCorruptGzipNamesTheCompressedByteAndKeepsWhatCameBefore() throws Exception {
        // noise at 15% is refused by zlib; at 50% it inflates to garbage that only the trailer's CRC gives away
        for (double at : new double[] {0.15, 0.5}) {
            Path gz = ImportFixture.corruptGzip(ImportFixture.shared("corpus/asb/asb-clean.jsonl"), dir.resolve(at + ".jsonl.gz"), at, 64);
            try (Case c = Cases.create(dir.resolve("case" + at), "t")) {
                ImportReport report = importOne(c, gz);
                assertNull(report.error());
                assertEquals(report.records(), report.recordsConverted() + report.quarantined());
                assertTrue(report.events() > 0, "the runs before the damage imported");
                QuarantineEntry last = report.quarantine().getLast(); // lines inflated from damaged data may come before it
                assertTrue(last.locator().matches("line:\\d+ \\(compressed byte \\d+\\)"), last.locator());
                assertTrue(last.reason().matches("the gzip stream is corrupt at compressed byte \\d+: [a-z].+ \\(\\d+ lines? read before it\\)"),
                        last.reason());
                assertStoredAsIs(c, report, gz);
            }
        }
    }

    @Test
    void aGzipThatInflatesNothingIsRefusedWithAClearErrorAndNothingEntersTheCase() throws Exception {
        byte[] noise = new byte[5000];
        new Random(5).nextBytes(noise);
        noise[0] = 0x1f;
        noise[1] = (byte) 0x8b;
        Path garbage = Files.write(dir.resolve("garbage.jsonl.gz"), noise);
        try (Case c = Cases.create(dir.resolve("case"), "t")) {
            ImportReport report = importOne(c, garbage);
            assertTrue(report.error().startsWith("cannot read " + garbage + ": not a valid gzip stream: "), report.error());
            assertTrue(c.evidence().list().isEmpty());
            assertEquals(0, c.events().count());
        }
    }

    /**
     * Imports a truncated gzip of {@code sample} and, into a case of its own, a plain file of the lines the cut left
     * whole: the same events, plus the one quarantined record of the cut.
     */
    private void cutAndCompare(String format, Path sample) throws Exception {
        Path gz = ImportFixture.truncatedGzip(sample, dir.resolve(format + ".gz"), 0.8);
        String before = new String(ImportFixture.inflatable(gz), StandardCharsets.UTF_8);
        int lines = (int) before.chars().filter(ch -> ch == '\n').count();
        Path whole = Files.writeString(dir.resolve(format + "-whole-lines.jsonl"), before.substring(0, before.lastIndexOf('\n') + 1));
        try (Case c = Cases.create(dir.resolve(format + "-gz"), "t"); Case p = Cases.create(dir.resolve(format + "-plain"), "t")) {
            ImportReport report = importOne(c, gz);
            ImportReport plain = importOne(p, whole);
            assertEquals(format, report.format());
            QuarantineEntry cut = assertOneCut(c, report, gz);
            assertEquals("line:" + (lines + 1) + " (compressed byte " + Files.size(gz) + ")", cut.locator());
            assertEquals("the gzip stream is truncated: the file ends before its compressed data does (" + lines + " line"
                    + (lines == 1 ? "" : "s") + " read before it)", cut.reason());
            assertEquals(plain.records() + 1, report.records(), format);
            assertEquals(plain.events(), report.events(), format);
            assertEquals(events(p), events(c), format + ": the same events as the whole lines give");
        }
    }

    /** The report adds up, the damage is its one quarantined record, the evidence is the compressed file, imported. */
    private static QuarantineEntry assertOneCut(Case c, ImportReport report, Path gz) throws Exception {
        assertNull(report.error());
        assertEquals(1, report.quarantined(), report.quarantine().toString());
        assertEquals(report.records() - 1, report.recordsConverted());
        assertEquals(report.eventsRead(), report.events() + report.duplicates());
        assertStoredAsIs(c, report, gz);
        assertTrue(c.evidence().get(report.evidenceSha256()).orElseThrow().complete(), "read as far as it goes, as a cut plain file");
        return report.quarantine().getFirst();
    }

    private static void assertStoredAsIs(Case c, ImportReport report, Path gz) throws Exception {
        assertEquals(ImportFixture.sha256(gz), report.evidenceSha256(), "the evidence is the compressed bytes");
        try (InputStream stored = c.evidence().open(report.evidenceSha256())) {
            assertArrayEquals(Files.readAllBytes(gz), stored.readAllBytes());
        }
    }

    private static ImportReport importOne(Case c, Path file) {
        return new ImportRun(c, List.of(file), null, ImportListener.NONE).run().getFirst();
    }

    /** Each event as locator, kind and text, in case order. */
    private static List<String> events(Case c) {
        List<String> all = new ArrayList<>();
        c.events().forEach(e -> all.add(e.locator() + " " + e.kind() + " " + e.text()));
        return all;
    }
}
