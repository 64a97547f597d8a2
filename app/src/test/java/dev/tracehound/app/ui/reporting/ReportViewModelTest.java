package dev.tracehound.app.ui.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehound.app.export.CaseOutputs;
import dev.tracehound.app.export.ExportFormat;
import dev.tracehound.app.testing.DirectTaskRunner;
import dev.tracehound.app.testing.SmallCase;
import dev.tracehound.timeline.audit.AuditEntry;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports from the Report tab over a real small case: each writes its file and an audited "export" entry with its hash. */
class ReportViewModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;

    record Written(CaseOutputs.OutputRecord record, AuditEntry audit) {}

    Written export(Case c, ReportViewModel vm, ExportFormat format, EventScope scope, Path target) throws Exception {
        long before = c.audit().entries().stream().filter(e -> e.action().equals("export")).count();
        vm.export(format, scope, target);
        CaseOutputs.OutputRecord r = vm.lastExportProperty().get();
        assertNotNull(r, vm.writtenProperty().get());
        assertEquals(target.toAbsolutePath().normalize(), r.file());
        assertTrue(Files.size(target) > 0);
        assertEquals(CaseOutputs.sha256(target), r.sha256(), "the shown hash is the file's");
        assertTrue(vm.writtenProperty().get().contains(r.sha256()) && vm.writtenProperty().get().contains(target.getFileName().toString()));
        List<AuditEntry> exports = c.audit().entries().stream().filter(e -> e.action().equals("export")).toList();
        assertEquals(before + 1, exports.size(), "one audit entry per export");
        AuditEntry last = exports.getLast();
        assertEquals(r.sha256(), JSON.readTree(last.details()).get("sha256").asText());
        assertEquals(format.id(), JSON.readTree(last.details()).get("format").asText());
        return new Written(r, last);
    }

    @Test
    void everyFormatWritesItsFileAndAnAuditedExportEntry() throws Exception {
        SmallCase sample = SmallCase.build(tmp);
        try (Case c = Cases.open(sample.dir)) {
            c.annotations().star(sample.retrieval.eventId(), true, "tester");
            c.annotations().note(sample.toolCall.eventId(), "exfiltration", "tester");
            String[] query = {"tool:send_email"};
            ReportViewModel vm = new ReportViewModel(new DirectTaskRunner(), () -> query[0]);
            vm.open(c);
            Path out = tmp.resolve("out");

            Written all = export(c, vm, ExportFormat.JSONL, EventScope.ALL, out.resolve("all.jsonl"));
            assertEquals(sample.events.size(), all.record().records());
            assertEquals(sample.events.size(), Files.readAllLines(all.record().file()).size());

            Written hits = export(c, vm, ExportFormat.CSV, EventScope.QUERY, out.resolve("query.csv"));
            assertEquals(2, hits.record().records(), "the current query's two send_email events");
            assertTrue(hits.audit().details().contains("query: tool:send_email"), hits.audit().details());

            Written annotated = export(c, vm, ExportFormat.TIMESKETCH, EventScope.ANNOTATED, out.resolve("annotated.timesketch.jsonl"));
            assertEquals(2, annotated.record().records(), "the starred and the noted event");
            for (String line : Files.readAllLines(annotated.record().file())) {
                JsonNode n = JSON.readTree(line);
                assertTrue(n.has("datetime") && n.has("message") && n.has("timestamp_desc"), line);
            }

            query[0] = "*:*";
            assertEquals(sample.events.size(), export(c, vm, ExportFormat.JSONL, EventScope.QUERY, out.resolve("match-all.jsonl")).record().records(),
                    "an unfiltered timeline exports everything");

            Written sarif = export(c, vm, ExportFormat.SARIF, EventScope.ANNOTATED, out.resolve("findings.sarif"));
            JsonNode log = JSON.readTree(sarif.record().file().toFile());
            assertEquals("2.1.0", log.get("version").asText());
            assertEquals(1, log.get("runs").get(0).get("results").size(), "findings ignore the event scope: the one finding");

            Written stix = export(c, vm, ExportFormat.STIX, null, out.resolve("findings.stix.json"));
            assertEquals("bundle", JSON.readTree(stix.record().file().toFile()).get("type").asText());
        }
    }

    @Test
    void aFailedExportSaysWhyAndIsNotAudited() throws Exception {
        SmallCase sample = SmallCase.build(tmp);
        try (Case c = Cases.open(sample.dir)) {
            ReportViewModel vm = new ReportViewModel(new DirectTaskRunner(), () -> "kind:TOOL_CALL AND (");
            vm.open(c);
            long before = c.audit().entries().stream().filter(e -> e.action().equals("export")).count();
            vm.export(ExportFormat.JSONL, EventScope.QUERY, tmp.resolve("bad.jsonl"));
            assertTrue(vm.writtenProperty().get().startsWith("Could not export jsonl: "), vm.writtenProperty().get());
            assertEquals(before, c.audit().entries().stream().filter(e -> e.action().equals("export")).count());
            assertTrue(!Files.exists(tmp.resolve("bad.jsonl")), "no half file");
        }
    }

    @Test
    void withoutATargetTheExportGoesToTheCaseExportsFolder() throws Exception {
        SmallCase sample = SmallCase.build(tmp);
        try (Case c = Cases.open(sample.dir)) {
            ReportViewModel vm = new ReportViewModel(new DirectTaskRunner(), () -> null);
            vm.open(c);
            vm.export(ExportFormat.SARIF, null, null);
            Path file = vm.lastExportProperty().get().file();
            assertEquals(c.dir().resolve("exports").toAbsolutePath().normalize(), file.getParent());
            assertTrue(file.getFileName().toString().startsWith("export-sarif-") && file.getFileName().toString().endsWith(".sarif"));
            assertTrue(vm.suggestedName(ExportFormat.CSV).startsWith("export-csv-"));
        }
    }

    @Test
    void thePreviewIsTheCasesReportModelAndAFailureSaysWhy() throws Exception {
        SmallCase sample = SmallCase.build(tmp);
        ReportViewModel vm = new ReportViewModel(new DirectTaskRunner());
        try (Case c = Cases.open(sample.dir)) {
            vm.open(c);
            var report = vm.reportProperty().get();
            assertNotNull(report, vm.problemProperty().get());
            assertEquals("Small test case", report.caseInfo().name());
            assertEquals(List.of(sample.finding.id()), report.findings().stream().map(f -> f.id()).toList());
            assertEquals("", vm.problemProperty().get());
        }
        vm.refresh(); // the case is closed now: building fails
        assertEquals(null, vm.reportProperty().get(), "no stale report is left on screen");
        assertTrue(vm.problemProperty().get().startsWith("The report could not be built: "), vm.problemProperty().get());
        vm.close();
        assertEquals("", vm.problemProperty().get());
    }
}
