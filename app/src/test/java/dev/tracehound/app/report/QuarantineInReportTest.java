package dev.tracehound.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.importers.run.ImportReport;
import dev.tracehound.importers.run.ImportRun;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evidence manifest says how many records of each file the import quarantined: none is dropped unseen. */
class QuarantineInReportTest {
    @TempDir Path tmp;

    @Test
    void theManifestCountsEachFilesQuarantinedRecords() throws Exception {
        Path broken = Files.writeString(tmp.resolve("chats.jsonl"), """
                {"messages": [{"role": "user", "content": "hello"}, {"role": "assistant", "content": "hi"}]}
                {"messages": [{"role": "user", "content": "cut off
                {"messages": [{"role": "user", "content": "again"}]}
                not json at all
                """);
        Path clean = Files.writeString(tmp.resolve("clean.jsonl"), "{\"messages\": [{\"role\": \"user\", \"content\": \"fine\"}]}\n");
        try (Case c = Cases.create(tmp.resolve("case"), "quarantine")) {
            List<ImportReport> reports = new ImportRun(c, List.of(broken, clean), "chat", null).run();
            assertEquals(2, reports.getFirst().quarantined(), reports.getFirst().toMap().toString());

            IncidentReport r = ReportBuilder.build(c, "tester");
            var byName = r.evidence().stream().collect(java.util.stream.Collectors.toMap(IncidentReport.EvidenceEntry::fileName, e -> e));
            assertEquals("COMPLETE, 2 records quarantined", byName.get("chats.jsonl").status());
            assertEquals("COMPLETE", byName.get("clean.jsonl").status());
            assertTrue(new HtmlReportRenderer().render(r).contains("COMPLETE, 2 records quarantined"));
            assertTrue(new MarkdownReportRenderer().render(r).contains("COMPLETE, 2 records quarantined"));
        }
    }
}
