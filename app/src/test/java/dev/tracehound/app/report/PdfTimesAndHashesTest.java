package dev.tracehound.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.app.pdf.PdfText;
import dev.tracehound.timeline.audit.AuditEntry;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF report prints every time and SHA-256 whole on one line: the audit appendix used to break times at their
 * punctuation ("2026-11-23T10:15:" over "02Z") and hashes into pieces, which made the trail hard to read and to compare
 * with the case. Nothing kept whole may push text off the page.
 */
class PdfTimesAndHashesTest {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    @TempDir Path tmp;

    @Test
    void everyTimeAndHashOfTheAuditLogAndTheEvidencePrintsWholeOnOneLine() throws Exception {
        ReportFixture fx = new ReportFixture(tmp);
        byte[] pdf;
        List<String> whole = new ArrayList<>();
        try (var c = fx.c) {
            Reports.write(c, ReportFormat.MD, null); // audited as an export, with the file's SHA-256 among the details
            IncidentReport report = ReportBuilder.build(c, "tester");
            for (AuditEntry a : report.audit()) {
                whole.addAll(List.of(a.time().toString(), a.hash(), a.prevHash()));
                SHA256.matcher(a.details()).results().forEach(m -> whole.add(m.group()));
            }
            for (IncidentReport.EvidenceEntry e : report.evidence()) whole.addAll(List.of(e.sha256(), String.valueOf(e.importedAt())));
            whole.addAll(List.of(report.caseInfo().created().toString(), report.generatedAt().toString()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new PdfReportRenderer().render(report, out);
            pdf = out.toByteArray();
        }
        assertTrue(whole.stream().filter(t -> SHA256.matcher(t).matches()).count() > 40, "hashes of the chain, the evidence and the details");

        List<String> lines = PdfText.linesByPosition(pdf);
        for (String token : whole) {
            assertTrue(lines.stream().anyMatch(l -> l.contains(token)), "'" + token + "' printed whole on one line:\n" + String.join("\n", lines));
        }
        float past = PdfText.textPastRightMargin(pdf, 14); // @page margin 14 mm
        assertTrue(past <= 0.5f, "no text runs into the page margin: " + past + " pt past it");
    }

    @Test
    void theReplayAndEvidenceTablesKeepEveryColumnOnThePage() throws Exception {
        ReportFixture fx = new ReportFixture(tmp);
        IncidentReport r;
        try (var c = fx.c) {
            r = ReportBuilder.build(c, "tester");
        }
        // what pushed columns off the page: a whole nanosecond time beside a run id, and a file name without spaces
        String created = "2026-12-06T13:53:20.271646123Z";
        String fileName = "a".repeat(120) + "_" + "b".repeat(60) + ".jsonl";
        List<IncidentReport.ReplayEntry> replays = List.of(new IncidentReport.ReplayEntry("0d6a31eb-7368-4a67-b5e2-1f351651a0c4", created,
                "claude-3-5-sonnet-20241022-with-a-long-suffix", "tool-call", 10, 10, 7, 0.7, 0.4, 0.89));
        IncidentReport.EvidenceEntry e = r.evidence().getFirst();
        List<IncidentReport.EvidenceEntry> evidence = List.of(new IncidentReport.EvidenceEntry(fileName, e.sha256(), e.size(), e.format(),
                e.importedAt(), e.status()));
        IncidentReport wide = new IncidentReport(r.caseInfo(), r.generatedAt(), r.toolVersion(), r.generatedBy(), r.summary(), r.scope(),
                r.timeline(), r.findings(), r.flows(), replays, r.playbooks(), evidence, r.quarantine(), r.audit());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfReportRenderer().render(wide, out);
        byte[] pdf = out.toByteArray();

        String text = PdfText.joined(pdf);
        for (String heading : List.of("Rate (95% interval)", "Reproduced", "Criterion", "Status", "Imported", "Format")) {
            assertTrue(text.contains(heading), "column '" + heading + "' is on the page");
        }
        assertTrue(text.contains("70% (40% to 89%)"), "the rate is printed");
        var failed = new IncidentReport.ReplayEntry("r2", created, "m", "tool-call", 5, 0, 0, 0.0, 0.0, 1.0);
        assertEquals("no trial completed", HtmlReportRenderer.rate(failed), "no rate is made up for a run without a completed trial");
        List<String> lines = PdfText.linesByPosition(pdf);
        assertTrue(lines.stream().anyMatch(l -> l.contains(created)), "the run's time whole on one line");
        assertTrue(lines.stream().anyMatch(l -> l.contains(String.valueOf(e.importedAt()))), "the import time whole on one line");
        float past = PdfText.textPastRightMargin(pdf, 14);
        assertTrue(past <= 0.5f, "no text runs into the page margin: " + past + " pt past it");
    }

    @Test
    void digestsAreKeptWholeOnlyInRowsAcrossATableAndRunsLongerThanADigestNever() {
        String digest = "ab".repeat(32);
        String text = "at 2026-11-23T10:15:02.123456Z: " + digest + " and " + "cd".repeat(40) + " <b>";
        String kept = "<span class=\"nowrap\">";
        assertEquals("at " + kept + "2026-11-23T10:15:02.123456Z</span>: " + digest + " and " + "cd".repeat(40) + " &lt;b&gt;",
                UnbrokenTokens.times(text), "in a column: times only");
        assertEquals("at " + kept + "2026-11-23T10:15:02.123456Z</span>: " + kept + digest + "</span> and " + "cd".repeat(40) + " &lt;b&gt;",
                UnbrokenTokens.timesAndDigests(text), "across the table: digests too, but not an 80-digit run, which may be longer than a line");
    }
}
