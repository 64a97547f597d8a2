package dev.tracehound.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.tracehound.timeline.text.Html;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF report prints every UUID, and every id of that shape, whole on one line: the renderer broke them at their
 * hyphens ("88a8d761-7b9a-4bf1-a8ca-" over "c1febe6bf358"), so a session id could be neither read nor searched for.
 * Prose still wraps between its words, and nothing kept whole runs off the page.
 */
class PdfUuidsTest {
    static final String UUID = "3f2c1a9e-7b4d-4e2a-9c1f-0a8b7c6d5e4f";
    /** Session ids as real exports write them: a UUID, one with a sidechain suffix (Claude Code), one with a prefix (Langfuse). */
    static final String SIDECHAIN = "88a8d761-7b9a-4bf1-a8ca-c1febe6bf358:e1c84ba5";
    static final String PREFIXED = "chat_b537db89-0454-4ec2-9915-fc30b7e91beb";
    static final String RUN = "0d6a31eb-7368-4a67-b5e2-1f351651a0c4";
    /** Agent transcripts are named by their session's UUID. */
    static final String FILE = "agent_9e1b7c3a-2f4d-4c8e-b6a5-7d0e3f1a2b4c.jsonl"; // as long as an id kept whole may be
    static final String PROSE = "The session used far more tokens than any other session of the case, after a tool result told the agent to"
            + " keep retrying the same well-known, state-of-the-art query until the quota ran out";
    static final String KEPT = "<span class=\"nowrap\">";

    @TempDir Path tmp;

    @Test
    void idsOfTheShapeOfAUuidAreKeptWholeWithWhatIsGluedToThemAndProseIsNot() {
        assertEquals("session " + KEPT + UUID + "</span> ended", UnbrokenTokens.timesAndIds("session " + UUID + " ended"));
        String upper = UUID.toUpperCase(java.util.Locale.ROOT);
        assertEquals(KEPT + upper + "</span>", UnbrokenTokens.timesAndIds(upper));
        for (String glued : List.of(SIDECHAIN, PREFIXED, FILE, "run-" + RUN, "urn:uuid:" + UUID, "7b4d-4e2a-9c1f")) {
            assertEquals("in " + KEPT + glued + "</span>, then", UnbrokenTokens.timesAndIds("in " + glued + ", then"), glued);
        }
        String overLong = "a-prefix-far-too-long-to-keep-" + UUID + "-and-a-suffix";
        assertEquals("a-prefix-far-too-long-to-keep-" + KEPT + UUID + "</span>-and-a-suffix", UnbrokenTokens.timesAndIds(overLong),
                "past " + UnbrokenTokens.MAX_ID + " characters only the id itself is kept whole");
        assertEquals("&lt;b&gt;" + KEPT + UUID + "</span>&lt;/b&gt; &quot;" + KEPT + UUID + "</span>&quot;",
                UnbrokenTokens.timesAndIds("<b>" + UUID + "</b> \"" + UUID + "\""), "escaped first, entities never part of an id");
        String prose = "a well-known, state-of-the-art, decade-long face-off on 2026-06-11 at 10:15 (ISBN 978-3-16-148410-0)";
        assertEquals(Html.escape(prose), UnbrokenTokens.timesAndIds(prose), "prose, dates and other hyphenated words still wrap");
        assertEquals(UUID, UnbrokenTokens.times(UUID), "a narrow column keeps times only: it has no room for a whole id");
        String digest = "ab".repeat(32);
        assertEquals(KEPT + UUID + "</span> " + KEPT + digest + "</span>", UnbrokenTokens.timesAndDigests(UUID + " " + digest),
                "across the table: ids and digests");
    }

    @Test
    void aLongHexAndHyphenRunInEvidenceIsMatchedInLinearTime() {
        // the id pattern's look-ahead once scanned the rest of such a run from every position: 8 s for 50,000 characters
        String hostile = "1-".repeat(100_000) + " " + UUID;
        String kept = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> UnbrokenTokens.timesAndDigests(hostile));
        assertTrue(kept.endsWith(KEPT + UUID + "</span>"), kept.substring(kept.length() - 100));
    }

    @Test
    void theHtmlGivenToThePdfRendererKeepsEveryUuidInOneUnbreakableUnit() throws Exception {
        try (Case c = uuidCase()) {
            String html = new HtmlReportRenderer().render(ReportBuilder.build(c, "tester"));
            for (String id : List.of(UUID, SIDECHAIN, PREFIXED, RUN, FILE, c.info().caseId())) {
                assertTrue(html.contains(KEPT + id + "</span>"), id + " kept whole:\n" + html);
            }
            assertTrue(html.contains(", " + KEPT + UUID + "</span>, " + KEPT + SIDECHAIN + "</span>, " + KEPT + PREFIXED + "</span></td>"),
                    "scope: one unit per session, wrapped between them");
            assertTrue(html.contains("in session <span class=\"mono\"><bdi>" + KEPT + SIDECHAIN + "</span></bdi></span>"), "the finding's session");
            assertTrue(html.contains("session <bdi>" + KEPT + UUID + "</span></bdi>"), "the timeline's session");
            assertTrue(html.contains("Run " + KEPT + RUN + "</span>"), "the replay run");
            assertTrue(html.contains("<bdi>" + PROSE + "</bdi>"), "prose is left to wrap");
        }
    }

    @Test
    void thePdfPrintsEveryUuidWholeOnOneLineAndNothingRunsOffThePage() throws Exception {
        byte[] pdf;
        List<String> ids = new ArrayList<>(List.of(UUID, SIDECHAIN, PREFIXED, RUN, FILE));
        try (Case c = uuidCase()) {
            ids.add(c.info().caseId());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new PdfReportRenderer().render(ReportBuilder.build(c, "tester"), out);
            pdf = out.toByteArray();
        }
        if (System.getProperty("tracehound.test.pdf") != null) Files.write(Path.of(System.getProperty("tracehound.test.pdf")), pdf);
        List<String> lines = PdfText.linesByPosition(pdf);
        for (String id : ids) {
            assertTrue(lines.stream().anyMatch(l -> l.contains(id)), "'" + id + "' printed whole on one line:\n" + String.join("\n", lines));
        }
        for (int i = 0; i < 12; i++) {
            String session = sessionId(i);
            assertTrue(lines.stream().anyMatch(l -> l.contains(session)), session + " whole in the scope's session list");
        }
        assertTrue(lines.stream().noneMatch(l -> l.contains(PROSE)), "the explanation wraps");
        assertTrue(PdfText.joined(pdf).contains("state-of-the-art"), "between its words");
        float past = PdfText.textPastRightMargin(pdf, 14); // @page margin 14 mm
        assertTrue(past <= 0.5f, "no text runs into the page margin: " + past + " pt past it");
    }

    /** Twelve sessions, three of them as above, the rest plain UUIDs; a finding, a marked event, a replay run and a quarantined record. */
    private Case uuidCase() throws Exception {
        Case c = Cases.create(tmp.resolve("case-" + System.nanoTime()), "uuids");
        Path file = Files.writeString(tmp.resolve(FILE), "{\"text\":\"x\"}\n");
        EvidenceRecord ev = c.evidence().add(file, "jsonl");
        long t0 = Instant.parse("2026-03-10T10:00:00Z").getEpochSecond() * 1_000_000_000L;
        Event marked = null;
        try (Ingest in = c.ingest(ev, "tester")) {
            for (int i = 0; i < 12; i++) {
                Event e = Event.builder(ev.sha256(), "line:" + (i + 1)).sessionId(sessionId(i)).sequence(i).startNanos(t0 + i * 1_000_000_000L)
                        .kind(EventKind.USER_MESSAGE).actor("user").trust(Trust.USER)
                        .text("resume session " + sessionId(i) + " and call tool run-" + RUN).build();
                in.add(e);
                if (i == 0) marked = e;
            }
            in.quarantine("line:13", "malformed JSON in session " + SIDECHAIN, "{\"sessionId\":\"" + UUID + "\", \"cut");
            in.commit();
        }
        c.annotations().star(marked.eventId(), true, "tester");
        c.findings().save(List.of(new Finding("f-runaway", "runaway-consumption", Severity.MEDIUM, List.of("AML.T0034"), List.of("LLM10"),
                SIDECHAIN, List.of(marked.eventId()), PROSE, null, null, null, Instant.parse("2026-03-10T11:00:00Z"))));
        c.documents().put("replay-runs", RUN, """
                {"runId":"%s","created":"2026-03-10T12:00:00.123456789Z","requestedModel":"gpt-4o-mini","criterion":"tool-call",
                 "trials":10,"completed":10,"rate":{"reproduced":7,"completed":10,"rate":0.7,"low":0.4,"high":0.89}}
                """.formatted(RUN));
        return c;
    }

    private static String sessionId(int i) {
        return switch (i) {
            case 0 -> UUID;
            case 1 -> SIDECHAIN;
            case 2 -> PREFIXED;
            default -> String.format("%08x-7b4d-4e2a-9c1f-%012x", 0x1000_0000 + i, 0xabc_0000_0000L + i);
        };
    }
}
