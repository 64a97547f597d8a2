package dev.tracehound.importers.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GenAI trace records each tool call twice: as a tool_call part of the chat span's output and as the
 * execute_tool span with the same gen_ai.tool.call.id. The case must hold one TOOL_CALL per call id (the incident
 * report once read "send_email (2×)").
 */
class OneToolCallPerCallIdTest {
    private static final Path RAG_EXFIL = Path.of(
            "../sample-incidents/src/main/resources/incidents/rag-customer-list-exfil/otel/sales-assist-2026-03-10.otlp.jsonl");
    @TempDir Path dir;

    @Test
    void ragExfilIncidentHasOneToolCallPerCallId() throws Exception {
        assertTrue(Files.isRegularFile(RAG_EXFIL), RAG_EXFIL.toAbsolutePath().toString());
        String keptId;
        try (Case c = Cases.create(dir.resolve("case"), "t")) {
            ImportReport report = new ImportRun(c, List.of(RAG_EXFIL), null, ImportListener.NONE).run().getFirst();
            assertTrue(report.ok(), String.valueOf(report.error()));
            assertTrue(report.duplicates() > 0, "the chat span's and the tool span's record of a call collapse");
            List<Event> calls = new ArrayList<>();
            c.events().forEach(e -> {
                if (e.kind() == EventKind.TOOL_CALL) calls.add(e);
            });
            assertTrue(calls.size() >= 4, "the incident has several tool calls: " + calls.size());
            Map<String, Long> perCallId = calls.stream().filter(e -> e.toolCallId() != null)
                    .collect(Collectors.groupingBy(e -> e.traceId() + "/" + e.toolCallId(), Collectors.counting()));
            assertEquals(calls.size(), perCallId.size(), "every tool call has an id in this trace");
            perCallId.forEach((id, n) -> assertEquals(1L, n, "TOOL_CALL events for " + id));
            List<Event> sendEmails = calls.stream().filter(e -> "send_email".equals(e.toolName())
                    && "b143f310-24e5-46c7-86bc-d23952d94c23".equals(e.sessionId())).toList();
            assertEquals(1, sendEmails.size(), "the compromised session sends one e-mail");
            Event kept = sendEmails.getFirst();
            assertTrue(kept.name().startsWith("execute_tool"), "the tool span's record is kept first: " + kept.name());
            assertTrue(kept.endNanos() > kept.startNanos(), "with the tool's own timing");
            keptId = kept.eventId();
        }
        assertEquals(List.of("#tool_call0"), alsoSeenAt(dir.resolve("case"), keptId).stream()
                .map(l -> l.substring(l.indexOf('#'))).toList(), "the model's request stays listed as evidence of the call");
    }

    /** Further locators the store recorded for an event (no reader API; read the closed case's database). */
    private static List<String> alsoSeenAt(Path caseDir, String eventId) throws Exception {
        String url = "jdbc:h2:file:" + caseDir.resolve("case").toAbsolutePath() + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
        List<String> locators = new ArrayList<>();
        try (var conn = java.sql.DriverManager.getConnection(url, "tracehound", "");
             var ps = conn.prepareStatement("SELECT locator FROM event_evidence WHERE event_id = ? ORDER BY ord")) {
            ps.setString(1, eventId);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) locators.add(rs.getString(1));
            }
        }
        return locators;
    }
}
