package dev.tracehound.app.report;

import dev.tracehound.timeline.text.Markdown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.app.pdf.PdfText;
import dev.tracehound.importers.run.ImportReport;
import dev.tracehound.importers.run.ImportRun;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import dev.tracehound.timeline.text.BidiControls;
import dev.tracehound.timeline.text.Html;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing imported is dropped unseen: the evidence manifest says how many records of each file the import quarantined,
 * and the "Quarantined records" section of every format lists them (where each is in its file, why it was set aside,
 * and the start of it, escaped as all evidence), so a reader sees what the analysis left out.
 */
class QuarantineInReportTest {
    static final String RLO_MARK = "\u27E8U+202E\u27E9";
    /** A record cut short mid-string, as at the end of a truncated export. */
    static final String TRUNCATED = "{\"messages\": [{\"role\": \"user\", \"content\": \"cut off";
    /** A record that is not JSON at all, and tries markup and a direction override on whoever reads it. */
    static final String HOSTILE = "<script>alert(1)</script> invoice_\u202Egpj.exe";

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
            assertEquals(List.of("chats.jsonl"), r.quarantine().stream().map(IncidentReport.QuarantinedFile::fileName).toList(),
                    "only files with quarantined records are listed");
        }
    }

    @Test
    void everyFormatListsEachQuarantinedRecordWithItsLocatorReasonAndEscapedExcerpt() throws Exception {
        Path file = Files.writeString(tmp.resolve("chats.jsonl"), String.join("\n",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"hello\"}]}", TRUNCATED, HOSTILE,
                "{\"messages\": [{\"role\": \"user\", \"content\": \"again\"}]}") + "\n");
        try (Case c = Cases.create(tmp.resolve("case"), "quarantine")) {
            new ImportRun(c, List.of(file), "chat", null).run();
            IncidentReport r = ReportBuilder.build(c, "tester");

            assertEquals(1, r.quarantine().size());
            IncidentReport.QuarantinedFile q = r.quarantine().getFirst();
            assertEquals("chats.jsonl", q.fileName());
            assertEquals(r.evidence().getFirst().sha256(), q.sha256());
            assertEquals(2, q.total());
            assertNull(q.unlisted(), "all listed");
            List<List<String>> rows = q.rows();
            assertEquals(List.of("line:2", "line:3"), rows.stream().map(row -> row.get(0)).toList());
            assertTrue(rows.get(0).get(1).startsWith("malformed JSON: Unexpected end-of-input"), rows.get(0).get(1));
            assertTrue(rows.get(1).get(1).startsWith("malformed JSON: Unexpected character ('<'"), rows.get(1).get(1));
            assertTrue(rows.get(0).get(2).startsWith(TRUNCATED.substring(0, 30)), "the excerpt is the record's start: " + rows.get(0).get(2));
            assertEquals("<script>alert(1)</script> invoice_" + RLO_MARK + "gpj.exe", rows.get(1).get(2),
                    "one line, the override shown as a marker, as every other evidence text");

            String html = new HtmlReportRenderer().render(r);
            assertTrue(html.contains("<h2>Quarantined records (2)</h2>"), html);
            assertTrue(html.contains("<h3><bdi>chats.jsonl</bdi>: 2 records quarantined</h3>"), html);
            for (List<String> row : rows) {
                assertTrue(html.contains("<tr class=\"key\"><td class=\"mono\">" + row.get(0) + "</td><td>" + Html.escape(row.get(1)) + "</td></tr>"),
                        "locator and reason of " + row.get(0) + " on one row:\n" + html);
            }
            assertTrue(html.contains("<bdi>&lt;script&gt;alert(1)&lt;/script&gt; invoice_" + RLO_MARK + "gpj.exe</bdi>"), html);
            assertFalse(html.contains("<script"), "no markup from the evidence");
            assertEquals(0, controls(html), "no direction control reaches the HTML");
            IncidentReportTest.xml(html); // still well-formed for the PDF renderer

            String md = new MarkdownReportRenderer().render(r);
            assertTrue(md.contains("## Quarantined records (2)\n"), md);
            assertTrue(md.contains("### chats.jsonl: 2 records quarantined\n"), md);
            for (List<String> row : rows) {
                assertTrue(md.contains("| " + Markdown.inline(row.get(0)) + " | " + Markdown.inline(row.get(1)) + " | " + Markdown.inline(row.get(2)) + " |"),
                        "locator, reason and excerpt of " + row.get(0) + " on one row:\n" + md);
            }
            assertTrue(md.contains("| line:2 | malformed JSON: Unexpected end-of-input"), md);
            assertTrue(md.contains("&lt;script&gt;alert\\(1\\)&lt;/script&gt; invoice\\_" + RLO_MARK + "gpj.exe"), md);
            assertFalse(md.contains("<script"));
            assertEquals(0, controls(md), "no direction control reaches the Markdown");

            byte[] pdf = pdf(r);
            List<String> lines = PdfText.linesByPosition(pdf);
            assertTrue(lines.contains("Quarantined records (2)"), String.join("\n", lines));
            assertTrue(lines.contains("chats.jsonl: 2 records quarantined"), String.join("\n", lines));
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("line:2 malformed JSON: Unexpected end-of-input")), String.join("\n", lines));
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("line:3 malformed JSON: Unexpected character ('<'")), String.join("\n", lines));
            assertTrue(lines.contains("excerpt <script>alert(1)</script> invoice_" + RLO_MARK + "gpj.exe"), "shown as text: " + String.join("\n", lines));
            assertEquals(0, controls(PdfText.lines(pdf)), "no direction control reaches the PDF");
            assertTrue(PdfText.textPastRightMargin(pdf, 14) <= 0.5f, "nothing runs into the margin");
        }
    }

    @Test
    void aReportWithoutQuarantinedRecordsSaysSoInOneLine() throws Exception {
        Path clean = Files.writeString(tmp.resolve("clean.jsonl"), "{\"messages\": [{\"role\": \"user\", \"content\": \"fine\"}]}\n");
        try (Case c = Cases.create(tmp.resolve("case"), "clean")) {
            new ImportRun(c, List.of(clean), "chat", null).run();
            IncidentReport r = ReportBuilder.build(c, "tester");
            assertEquals(List.of(), r.quarantine());

            String html = new HtmlReportRenderer().render(r);
            assertTrue(html.contains("<h2>Quarantined records (0)</h2>\n<p class=\"muted\">" + IncidentReport.NO_QUARANTINE + "</p>\n<h2>"), html);
            String md = new MarkdownReportRenderer().render(r);
            assertTrue(md.contains("## Quarantined records (0)\n\n_" + Markdown.inline(IncidentReport.NO_QUARANTINE) + "_\n\n## "), md);
            String text = flat(pdf(r));
            assertTrue(text.contains("Quarantined records (0) " + IncidentReport.NO_QUARANTINE + " Appendix: audit log"), text);
        }
    }

    @Test
    void eachFileListsTheFirstFiftyAndSaysHowManyMoreTheCaseHolds() throws Exception {
        StringBuilder lines = new StringBuilder("{\"messages\": [{\"role\": \"user\", \"content\": \"fine\"}]}\n");
        for (int i = 2; i <= 54; i++) lines.append("broken record ").append(i).append('\n');
        Path file = Files.writeString(tmp.resolve("many.jsonl"), lines);
        try (Case c = Cases.create(tmp.resolve("case"), "many")) {
            new ImportRun(c, List.of(file), "chat", null).run();
            IncidentReport r = ReportBuilder.build(c, "tester");
            IncidentReport.QuarantinedFile q = r.quarantine().getFirst();
            assertEquals(53, q.total());
            assertEquals(50, q.listed().size());
            assertEquals("line:2", q.listed().getFirst().locator(), "the first ones, in file order");
            assertEquals("line:51", q.listed().getLast().locator());
            String more = "…and 3 more records of this file, not listed here: the report lists the first 50; the case holds all 53.";
            assertEquals(more, q.unlisted());

            String html = new HtmlReportRenderer().render(r);
            assertEquals(50, count(html, "<tr class=\"key\"><td class=\"mono\">line:"), "fifty rows");
            assertTrue(html.contains(">line:51</td>") && !html.contains(">line:52</td>"), html);
            assertTrue(html.contains("<p class=\"muted\">" + Html.escape(more) + "</p>"), html);

            String md = new MarkdownReportRenderer().render(r);
            assertEquals(50, md.lines().filter(l -> l.startsWith("| line:")).count(), "fifty rows");
            assertTrue(md.contains("_" + Markdown.inline(more) + "_"), md);

            String text = flat(pdf(r));
            assertTrue(text.contains("line:51 ") && !text.contains("line:52 "), text);
            assertTrue(text.contains(more), text);
        }
    }

    private static byte[] pdf(IncidentReport r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfReportRenderer().render(r, out);
        return out.toByteArray();
    }

    /** The PDF's text, every run of white space (line breaks included) as one space. */
    private static String flat(byte[] pdf) throws IOException {
        return PdfText.lines(pdf).replaceAll("\\s+", " ");
    }

    private static long controls(String s) {
        return s.codePoints().filter(BidiControls::isControl).count();
    }

    private static int count(String s, String part) {
        return (int) Pattern.compile(Pattern.quote(part)).matcher(s).results().count();
    }
}
