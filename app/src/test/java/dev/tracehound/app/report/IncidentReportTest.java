package dev.tracehound.app.report;

import dev.tracehound.timeline.text.Markdown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static dev.tracehound.app.pdf.PdfText.UNICODE;

import dev.tracehound.app.export.CaseOutputs;
import dev.tracehound.app.pdf.PdfText;
import dev.tracehound.timeline.audit.AuditEntry;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import dev.tracehound.timeline.store.Ingest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The report built from a real case: content, escaping of hostile evidence, and the three renderings. */
class IncidentReportTest {
    @TempDir Path tmp;
    ReportFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new ReportFixture(tmp);
    }

    @AfterEach
    void tearDown() {
        fx.c.close();
    }

    @Test
    void modelGathersSummaryScopeTimelineFindingsFlowsReplaysPlaybooksEvidenceAndAudit() {
        IncidentReport r = ReportBuilder.build(fx.c, "tester");
        assertTrue(r.summary().startsWith("A customer extracted"));
        assertTrue(r.scope().sessions().contains(fx.leakSession));
        assertTrue(r.scope().sessions().contains("hostile-session"));
        assertTrue(r.scope().tools().contains("issue_refund"), "tools: " + r.scope().tools());
        assertEquals(6, r.scope().inferredTimeSessions(), "the chat transcripts carry no clock");
        assertEquals("2026-06-11T12:00:00Z to 2026-06-11T12:00:01Z; 6 session(s) without recorded times (order only)", r.scope().window());
        assertEquals(List.of(fx.leakEventId, fx.hostileEventId).stream().sorted().toList(),
                r.timeline().stream().map(IncidentReport.TimelineEntry::eventId).sorted().toList());
        var leak = r.timeline().stream().filter(t -> t.eventId().equals(fx.leakEventId)).findFirst().orElseThrow();
        assertTrue(leak.starred());
        assertEquals(List.of("leak"), leak.tags());
        assertTrue(leak.text().contains(ReportFixture.CANARY));
        assertEquals("HIGH", r.findings().getFirst().severity(), "most severe first");
        assertEquals(1, r.flows().size());
        assertEquals(fx.leakEventId, r.flows().getFirst().sinkEventId());
        assertEquals("USER_MESSAGE", r.flows().getFirst().sourceKind());
        assertEquals(17, r.replays().getFirst().reproduced());
        assertEquals(0.85, r.replays().getFirst().rate());
        assertEquals(2, r.playbooks().getFirst().stepsDone());
        assertEquals(3, r.playbooks().getFirst().stepsTotal());
        assertEquals(2, r.evidence().size());
        assertEquals(fx.c.audit().entries().size(), r.audit().size());
    }

    @Test
    void htmlIsSelfContainedWellFormedAndHostileEvidenceIsInert() throws Exception {
        String html = new HtmlReportRenderer().render(ReportBuilder.build(fx.c, "tester"));
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:\" />"));
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "hostile prompt shown escaped");
        assertTrue(html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"), "hostile note shown escaped");
        assertFalse(html.contains("<img"));
        assertFalse(html.contains("<script"));
        assertTrue(html.contains("system-prompt-leak<") && html.contains("AML.T0056") && html.contains("LLM07"));
        assertTrue(html.contains("85% (64% to 95%)"), "replay reproduction rate with interval");

        Document doc = xml(html);
        for (String tag : List.of("img", "script", "link", "iframe", "object", "embed", "a", "base", "form")) {
            assertEquals(0, doc.getElementsByTagName(tag).getLength(), "no <" + tag + "> element");
        }
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element el = (Element) all.item(i);
            assertFalse(el.hasAttribute("src") || el.hasAttribute("href") || el.hasAttribute("onerror"), "attribute on <" + el.getTagName() + ">");
        }
    }

    @Test
    void evidenceManifestHoldsTheTrueHashesAndSizes() throws Exception {
        String html = new HtmlReportRenderer().render(ReportBuilder.build(fx.c, "tester"));
        String md = new MarkdownReportRenderer().render(ReportBuilder.build(fx.c, "tester"));
        Path transcript = fx.incidentDir.resolve("chat/support-bot-2026-06-11.jsonl");
        String expected = CaseOutputs.sha256(transcript);
        assertTrue(html.contains(expected) && md.contains(expected), "hash of the imported transcript");
        for (EvidenceRecord r : fx.c.evidence().list()) {
            assertEquals(r.sha256(), CaseOutputs.sha256(r.storedPath()), "stored evidence unchanged");
            assertTrue(html.contains("<td>" + Files.size(r.storedPath()) + "</td>"));
        }
    }

    @Test
    void auditAppendixListsEveryEntryWithItsHash() {
        String html = new HtmlReportRenderer().render(ReportBuilder.build(fx.c, "tester"));
        for (AuditEntry a : fx.c.audit().entries()) assertTrue(html.contains(a.hash()), "audit entry " + a.seq());
    }

    @Test
    void pdfTextHasTheFindingsAndTheCanary() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfReportRenderer().render(ReportBuilder.build(fx.c, "tester"), out);
        // Table cells wrap long words across lines; join the lines to read the text as printed.
        String text = PdfText.joined(out.toByteArray());
        assertTrue(text.contains("system-prompt-leak"), "finding detector in PDF text");
        assertTrue(text.contains("direct-prompt-injection"));
        assertTrue(text.contains("AML.T0056"));
        assertTrue(text.contains("<img src=x onerror=alert(1)>"), "hostile text is shown as text in the PDF");
    }

    @Test
    void pdfShowsTextBeyondLatin1AsWrittenInSummaryNotesAndEvidence() throws Exception {
        Path file = tmp.resolve("unicode.jsonl");
        String smile = "smile \uD83D\uDE00"; // in DejaVu Sans only: the monospace evidence block must fall back to it
        Files.writeString(file, "{\"prompt\":\"" + UNICODE + "\\n" + smile + "\"}\n");
        EvidenceRecord ev = fx.c.evidence().add(file, "jsonl");
        Event quoted = Event.builder(ev.sha256(), "line:1").sessionId("unicode-session").sequence(0)
                .startNanos(Instant.parse("2026-06-11T13:00:00Z").getEpochSecond() * 1_000_000_000L)
                .kind(EventKind.USER_MESSAGE).actor("user").trust(Trust.USER).text(UNICODE + "\n" + smile).build();
        try (Ingest in = fx.c.ingest(ev, "tester")) {
            in.add(quoted);
            in.commit();
        }
        fx.c.annotations().note(quoted.eventId(), "quoted " + UNICODE, "tester");
        ReportSummary.set(fx.c, "Summary " + UNICODE, "tester");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfReportRenderer().render(ReportBuilder.build(fx.c, "tester"), out);
        String text = PdfText.joined(out.toByteArray());

        assertTrue(text.contains("Summary " + UNICODE), "summary (sans)");
        assertTrue(text.contains("Note: quoted " + UNICODE), "note (sans)");
        List<String> lines = PdfText.lines(out.toByteArray()).lines().toList();
        assertTrue(lines.contains(UNICODE), "the event's text block (mono), on a line of its own");
        assertTrue(lines.contains(smile), "a glyph DejaVu Sans Mono lacks comes from DejaVu Sans");
    }

    @Test
    void markdownEscapesMarkupAndLinkSyntax() {
        String md = new MarkdownReportRenderer().render(ReportBuilder.build(fx.c, "tester"));
        assertFalse(md.contains("<img"));
        assertFalse(md.contains("<script"));
        assertFalse(md.contains("<b>"));
        assertTrue(md.contains("&lt;img src=x onerror=alert\\(1\\)&gt;"));
        assertTrue(md.contains("| system-prompt-leak |"));
        assertEquals("\\# not a heading, 1. x", Markdown.inline("# not a heading, 1. x"));
        assertEquals("1\\. not a list  \n\\- not an item  \n\\===", Markdown.block("1. not a list\n- not an item\n==="));
        // no image syntax, and the URL in a code span, where no viewer makes a link of it
        assertEquals("\\!\\[x\\]\\(`https://attacker.example/p.png?d=1`\\)", Markdown.inline("![x](https://attacker.example/p.png?d=1)"));
    }

    @Test
    void writingAReportIsAuditedAndLandsInTheExportsFolder() throws Exception {
        int before = fx.c.audit().entries().size();
        var rec = Reports.write(fx.c, ReportFormat.HTML, null);
        assertTrue(rec.file().startsWith(fx.caseDir.resolve("exports").toAbsolutePath()), rec.file().toString());
        assertEquals(CaseOutputs.sha256(rec.file()), rec.sha256());
        List<AuditEntry> entries = fx.c.audit().entries();
        assertEquals(before + 1, entries.size());
        AuditEntry last = entries.getLast();
        assertEquals("export", last.action());
        assertTrue(last.details().contains(rec.sha256()));
    }

    static Document xml(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }
}
