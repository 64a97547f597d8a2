package dev.tracehound.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.app.pdf.PdfText;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.Severity;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import dev.tracehound.timeline.store.Ingest;
import dev.tracehound.timeline.text.BidiControls;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Evidence carrying unbalanced direction controls (U+202E RIGHT-TO-LEFT OVERRIDE and friends), as in the "Trojan
 * Source" attacks and file names like {@code invoice_<RLO>gpj.exe}: in a report they would reverse the rest of the
 * line they sit in, the report's own words and ids included. Every format shows them as visible markers, and HTML
 * isolates inline evidence in {@code <bdi>}.
 */
class BidiControlsInReportsTest {
    /** Reads "invoice_exe.jpg" on screen; an override left open reverses everything after it. */
    static final String FILE_TRICK = "sent invoice_\u202Egpj.exe to the customer";
    /** An actor name that opens an override and an isolate and never closes them. */
    static final String ACTOR = "\u202Eadmin\u2067";
    static final String TAG = "carrier\u202B";
    static final String NOTE = "see \u2066line 3";
    static final String RLO_MARK = "\u27E8U+202E\u27E9";

    @TempDir Path tmp;
    Case c;
    String eventId;

    @BeforeEach
    void setUp() throws Exception {
        c = Cases.create(tmp.resolve("case"), "Bidi \u202Ecase");
        Path file = tmp.resolve("mail.jsonl");
        Files.writeString(file, "{\"text\":\"x\"}\n");
        EvidenceRecord ev = c.evidence().add(file, "jsonl");
        Event e = Event.builder(ev.sha256(), "line:1").sessionId("s-\u202E1").sequence(1)
                .startNanos(Instant.parse("2026-03-10T10:00:00Z").getEpochSecond() * 1_000_000_000L)
                .kind(EventKind.TOOL_CALL).actor(ACTOR).toolName("send_\u202Email").trust(Trust.MODEL).text(FILE_TRICK).build();
        try (Ingest in = c.ingest(ev, "tester")) {
            in.add(e);
            in.commit();
        }
        eventId = e.eventId();
        c.annotations().star(eventId, true, "tester");
        c.annotations().tag(eventId, TAG, "tester");
        c.annotations().note(eventId, NOTE, "tester");
        c.findings().save(List.of(new Finding("f-bidi", "tool-abuse", Severity.HIGH, List.of("AML.T0053"), List.of("LLM06"), "s-\u202E1",
                List.of(eventId), "The agent " + FILE_TRICK, null, null, null, Instant.parse("2026-03-10T10:00:01Z"))));
        ReportSummary.set(c, "Summary with \u202Eoverride", "tester");
    }

    @AfterEach
    void tearDown() {
        c.close();
    }

    private static long controls(String s) {
        return s.codePoints().filter(BidiControls::isControl).count();
    }

    @Test
    void htmlShowsEveryControlAsAMarkerAndIsolatesInlineEvidence() throws Exception {
        String html = new HtmlReportRenderer().render(ReportBuilder.build(c, "tester"));
        assertEquals(0, controls(html), "no direction control reaches the HTML");
        assertTrue(html.contains("sent invoice_" + RLO_MARK + "gpj.exe to the customer"), "the trick is visible as what it is");

        Document doc = IncidentReportTest.xml(html);
        // the key timeline's header line: the actor and tool are isolated, the session and event ids stay outside them
        Element header = timelineHeader(doc);
        List<String> isolated = texts(header.getElementsByTagName("bdi"));
        assertEquals(List.of(RLO_MARK + "admin\u27E8U+2067\u27E9", "send_" + RLO_MARK + "mail", "s-" + RLO_MARK + "1"), isolated);
        for (int i = 0; i < header.getElementsByTagName("bdi").getLength(); i++) {
            assertFalse(header.getElementsByTagName("bdi").item(i).getTextContent().contains(eventId), "the event id is not inside evidence");
        }
        assertTrue(header.getTextContent().endsWith("event " + eventId), header.getTextContent());
        assertTrue(html.contains("<div>Tags: <bdi>carrier\u27E8U+202B\u27E9</bdi></div>"), html);
        assertTrue(html.contains("<div>Note: <bdi>see \u27E8U+2066\u27E9line 3</bdi></div>"), html);
        assertTrue(html.contains("<td class=\"expl\" colspan=\"5\"><bdi>The agent sent invoice_" + RLO_MARK
                + "gpj.exe to the customer</bdi> <span class=\"muted\">(1 evidence events in session <span class=\"mono\"><bdi>s-" + RLO_MARK
                + "1</bdi></span>; id <span class=\"mono\">f-bidi</span>)</span></td>"), html);
        assertTrue(html.contains("<h1>Incident report: <bdi>Bidi " + RLO_MARK + "case</bdi></h1>"), html);
        assertTrue(html.contains("<div class=\"text\" dir=\"auto\">sent invoice_" + RLO_MARK + "gpj.exe"), html);
    }

    @Test
    void markdownAndPdfShowTheMarkersToo() throws Exception {
        IncidentReport r = ReportBuilder.build(c, "tester");
        String md = new MarkdownReportRenderer().render(r);
        assertEquals(0, controls(md), "no direction control reaches the Markdown");
        assertTrue(md.contains("sent invoice\\_" + RLO_MARK + "gpj.exe to the customer"), md);
        assertTrue(md.contains(RLO_MARK + "admin\u27E8U+2067\u27E9"), md);

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        new PdfReportRenderer().render(r, pdf);
        String text = PdfText.joined(pdf.toByteArray());
        assertEquals(0, controls(text));
        assertTrue(text.contains("sent invoice_" + RLO_MARK + "gpj.exe to the customer"), "the marker prints (DejaVu has the brackets)");
    }

    private static Element timelineHeader(Document doc) {
        NodeList divs = doc.getElementsByTagName("div");
        for (int i = 0; i < divs.getLength(); i++) {
            Element d = (Element) divs.item(i);
            if ("entry".equals(d.getAttribute("class"))) return (Element) firstElement(d);
        }
        throw new AssertionError("no key timeline entry");
    }

    private static Node firstElement(Node n) {
        for (Node k = n.getFirstChild(); k != null; k = k.getNextSibling()) if (k.getNodeType() == Node.ELEMENT_NODE) return k;
        throw new AssertionError("empty element");
    }

    private static List<String> texts(NodeList nodes) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
        return out;
    }
}
