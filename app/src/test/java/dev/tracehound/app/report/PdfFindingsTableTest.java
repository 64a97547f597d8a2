package dev.tracehound.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.app.pdf.PdfText;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.FindingStatus;
import dev.tracehound.timeline.findings.Severity;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF's findings table breaks lines only between words (at spaces and hyphens): severities, statuses, ATLAS and
 * OWASP ids and headers print whole, where narrow fixed columns used to cut "CRITICA|L", "LLM0|6" and "AML.|T0053".
 * Only a token longer than a line (a hash, a URL quoted in an explanation) is broken, and nothing runs off the page.
 * The session id, a UUID no column is wide enough to hold whole, is on the explanation's row across the table.
 */
class PdfFindingsTableTest {
    static final String URL = "https://attacker.example/collect?d=" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo".repeat(6);
    static final String PROSE = "The agent called crm_export_customers after untrusted content demanded it: addresses the AI directly and"
            + " tells the model to hide what it does from the user, then mailed the list to an outside address";

    @TempDir java.nio.file.Path tmp;

    @Test
    void wordsWrapBetweenWordsAndOnlyOverLongTokensBreak() throws Exception {
        byte[] pdf;
        try (Case c = Cases.create(tmp.resolve("case"), "wrapping")) {
            Instant t = Instant.parse("2026-03-10T10:00:00Z");
            c.findings().save(List.of(
                    new Finding("f-critical", "tool-abuse", Severity.CRITICAL, List.of("AML.T0053", "AML.T0051.001"), List.of("LLM06", "LLM01"),
                            "b143f310-24e5-46c7-86bc-d23952d94c23", List.of("e1", "e2"), PROSE + " " + URL, null, null, null, t),
                    new Finding("f-dismissed", "indirect-prompt-injection", Severity.HIGH, List.of("AML.T0051.001", "AML.T0068"), List.of("LLM01"),
                            "b143f310-24e5-46c7-86bc-d23952d94c23", List.of("e3"), PROSE, null, null, null, t),
                    new Finding("f-config", "configuration-change", Severity.MEDIUM, List.of("AML.T0018"), List.of("LLM03"),
                            "s-1", List.of("e4"), "The system prompt changed between calls.", null, null, null, t)));
            c.findings().setStatus("f-dismissed", FindingStatus.FALSE_POSITIVE, "tester", "benign");
            c.findings().setStatus("f-config", FindingStatus.CONFIRMED, "tester", "seen");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new PdfReportRenderer().render(ReportBuilder.build(c, "tester"), out);
            pdf = out.toByteArray();
        }

        List<String> lines = PdfText.lines(pdf).lines().toList();
        for (String whole : List.of("Severity", "Detector", "Status", "MITRE", "ATLAS", "OWASP", "CRITICAL", "MEDIUM",
                "FALSE_POSITIVE", "CONFIRMED", "AML.T0053,", "AML.T0051.001", "AML.T0068", "AML.T0018", "LLM06,", "LLM01", "LLM03",
                "tool-abuse", "configuration-", "injection")) {
            assertTrue(lines.stream().anyMatch(l -> l.contains(whole)), "'" + whole + "' printed whole on one line:\n" + String.join("\n", lines));
        }
        for (String word : PROSE.split(" ")) {
            assertTrue(lines.stream().anyMatch(l -> (" " + l + " ").contains(" " + word + " ") || l.startsWith(word) || l.endsWith(word)),
                    "the explanation's word '" + word + "' is not cut:\n" + String.join("\n", lines));
        }
        List<String> byPosition = PdfText.linesByPosition(pdf);
        assertEquals(2, byPosition.stream().filter(l -> l.contains("b143f310-24e5-46c7-86bc-d23952d94c23;")).count(),
                "both findings' session id whole on a line of their explanation's row:\n" + String.join("\n", byPosition));
        assertTrue(String.join(" ", byPosition).contains("in session s-1;"), "the third finding's session");
        assertTrue(PdfText.joined(pdf).contains(URL), "the over-long URL prints in full, broken across lines");
        assertTrue(lines.stream().noneMatch(l -> l.contains(URL)), "it is longer than a line, so it is broken");

        float past = PdfText.textPastRightMargin(pdf, 14); // @page margin 14 mm
        assertTrue(past <= 0.5f, "no text runs into the page margin: " + past + " pt past it");
    }

    @Test
    void theExplanationAndTheSessionAreTheFindingsSecondRowAcrossTheTable() {
        String html = new HtmlReportRenderer().render(new IncidentReport(
                new dev.tracehound.timeline.store.CaseInfo("id", "case", Instant.EPOCH, "test", 1), Instant.EPOCH, "test", "tester", "",
                new IncidentReport.Scope(0, List.of(), List.of(), List.of(), List.of(), 0, 0, 0, 0, 0), List.of(),
                List.of(new IncidentReport.FindingEntry("f-1", "tool-abuse", "CRITICAL", "NEW", List.of("AML.T0053", "AML.T0051.001"),
                        List.of("LLM06"), "s-1", "Mailed the list.", 2, Instant.EPOCH)),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
        assertTrue(html.contains("<td><span class=\"nowrap\">AML.T0053,</span> <span class=\"nowrap\">AML.T0051.001</span></td>"), html);
        assertTrue(html.contains("<tr><td class=\"expl\" colspan=\"5\"><bdi>Mailed the list.</bdi> <span class=\"muted\">(2 evidence events"
                + " in session <span class=\"mono\"><bdi>s-1</bdi></span>; id <span class=\"mono\">f-1</span>)</span></td></tr>"), html);
        assertEquals(5, html.split("<th class=\"c-", -1).length - 1, "five columns");
    }
}
