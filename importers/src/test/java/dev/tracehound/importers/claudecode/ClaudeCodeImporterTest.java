package dev.tracehound.importers.claudecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.importers.CollectingSink;
import dev.tracehound.importers.FileHeads;
import dev.tracehound.importers.ImportFixture;
import dev.tracehound.importers.Importers;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventFlag;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaudeCodeImporterTest {
    private static final Path SIMPLE = ImportFixture.resource("samples/claude-code/simonw_sample_session.jsonl");
    private static final Path SIDECHAIN = ImportFixture.resource("samples/claude-code/daaain_sidechain_integrated.jsonl");
    private static final String MAIN = "88a8d761-7b9a-4bf1-a8ca-c1febe6bf358";

    private final ClaudeCodeImporter importer = new ClaudeCodeImporter();

    @Test
    void detectsClaudeCodeLogs() throws Exception {
        assertEquals("claude-code", Importers.detect(FileHeads.read(SIMPLE)).format());
        assertEquals("claude-code", Importers.detect(FileHeads.read(SIDECHAIN)).format());
    }

    @Test
    void simpleSessionHasPromptsCallsResultsInOrder() throws Exception {
        CollectingSink sink = ImportFixture.importFile(importer, SIMPLE);
        assertEquals(8, sink.records());
        assertEquals(0, sink.quarantined(), sink.reasons());
        assertEquals(List.of("test-session-id"), List.copyOf(sink.sessions().keySet()));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L),
                sink.events.stream().map(Event::sequence).sorted().toList(), "every event has its own place in the session");

        List<Event> users = sink.ofKind(EventKind.USER_MESSAGE);
        assertEquals(List.of("Create a hello world function", "Now add a goodbye function"), users.stream().map(Event::text).toList());
        assertEquals(Trust.USER, users.get(0).trust());
        assertEquals("msg-001", users.get(0).spanId());
        assertEquals(Instant.parse("2025-12-24T10:00:00Z").getEpochSecond() * 1_000_000_000L, users.get(0).startNanos());

        List<Event> calls = sink.ofKind(EventKind.TOOL_CALL);
        assertEquals(List.of("Write", "Bash"), calls.stream().map(Event::toolName).toList());
        assertEquals("toolu_001", calls.get(0).toolCallId());
        assertTrue(calls.get(1).payloadJson().contains("git add . && git commit"), calls.get(1).payloadJson());

        List<Event> results = sink.ofKind(EventKind.TOOL_RESULT);
        assertEquals(2, results.size());
        assertEquals("Write", results.get(0).toolName());
        assertEquals("toolu_001", results.get(0).toolCallId());
        assertEquals("File written successfully", results.get(0).text());
        assertEquals(Trust.TOOL_OUTPUT, results.get(0).trust());
        assertEquals("Bash", results.get(1).toolName());

        List<Event> responses = sink.ofKind(EventKind.MODEL_RESPONSE);
        assertEquals(List.of("I'll create that function for you.", "", "Done! The hello function is ready."),
                responses.stream().map(Event::text).toList());

        Event summary = sink.only(e -> e.kind() == EventKind.SESSION);
        assertEquals("Test session for JSONL parsing", summary.text());
        assertEquals("test-session-id", summary.sessionId());
        assertTrue(summary.has(EventFlag.TIME_INFERRED));
    }

    @Test
    void streamedResponseLinesMergeAndSidechainBecomesChildSession() throws Exception {
        CollectingSink sink = ImportFixture.importFile(importer, SIDECHAIN);
        assertEquals(6, sink.records());
        assertEquals(0, sink.quarantined(), sink.reasons());
        String child = MAIN + ":e1c84ba5";
        assertEquals(List.of(MAIN, child), List.copyOf(sink.sessions().keySet()));

        // the Task call in the main session launches the sub-agent
        Event task = sink.only(e -> e.kind() == EventKind.TOOL_CALL && "Task".equals(e.toolName()));
        assertEquals(MAIN, task.sessionId());
        assertEquals("toolu_01JA2mLseQCAW3MdwPE4qWEk", task.spanId());
        assertEquals("83a7cabd-3642-45d6-ba73-9b9f843b9ab1", task.parentId());

        // two lines with message id msg_017zj75dqWUNqVxCUrhqbTkf are one response, usage counted once
        List<Event> childResponses = sink.where(e -> e.kind() == EventKind.MODEL_RESPONSE && child.equals(e.sessionId()));
        assertEquals(1, childResponses.size());
        Event merged = childResponses.get(0);
        assertEquals("I'll research how `data-border-color` is used thro...", merged.text());
        assertTrue(merged.payloadJson().contains("\"name\":\"Grep\""), merged.payloadJson());
        assertEquals(3 + 19830, merged.inputTokens());
        assertEquals(183, merged.outputTokens());
        assertEquals("claude-sonnet-4-5-20250929", merged.model());
        assertEquals("toolu_01JA2mLseQCAW3MdwPE4qWEk", merged.parentId(), "the sidechain root points at the Task call");

        Event grep = sink.only(e -> e.kind() == EventKind.TOOL_CALL && "Grep".equals(e.toolName()));
        assertEquals(child, grep.sessionId());

        Event subResult = sink.only(e -> e.kind() == EventKind.TOOL_RESULT && child.equals(e.sessionId()));
        assertEquals("toolu_011V1hetiJ3pC79EoLTY53Ni", subResult.toolCallId());
        assertTrue(subResult.text().startsWith("  3130â†’"), subResult.text());

        Event taskResult = sink.only(e -> e.kind() == EventKind.TOOL_RESULT && MAIN.equals(e.sessionId()));
        assertEquals("Task", taskResult.toolName());
        assertEquals("Perfect! Now I have a complete understanding. Let ...", taskResult.text());

        List<Event> mainResponses = sink.where(e -> e.kind() == EventKind.MODEL_RESPONSE && MAIN.equals(e.sessionId()));
        assertEquals(2, mainResponses.size());
        assertEquals(3 + 141272L, mainResponses.get(0).inputTokens());
        assertEquals(365L, mainResponses.get(0).outputTokens());
        assertEquals(3 + 2952 + 141272L, mainResponses.get(1).inputTokens());
    }

    @Test
    void webExportLoglinesImportLikeTheJsonl() throws Exception {
        Path file = ImportFixture.resource("samples/claude-code/simonw_sample_session_webexport.json");
        assertEquals("claude-code", Importers.detect(FileHeads.read(file)).format());
        CollectingSink sink = ImportFixture.importFile(importer, file);
        assertEquals(33, sink.records());
        assertEquals(0, sink.quarantined(), sink.reasons());
        assertEquals(1, sink.sessions().size());
        assertEquals(6, sink.ofKind(EventKind.USER_MESSAGE).size());
        assertEquals(15, sink.ofKind(EventKind.MODEL_RESPONSE).size());
        assertEquals(List.of("Write", "Bash", "TodoWrite", "Bash", "Bash", "Glob", "Edit", "Grep", "Bash", "Edit", "Bash", "Edit"),
                sink.ofKind(EventKind.TOOL_CALL).stream().map(Event::toolName).toList());
        assertEquals(12, sink.ofKind(EventKind.TOOL_RESULT).size());
        Event failed = sink.only(e -> e.kind() == EventKind.TOOL_RESULT && "error".equals(e.status()));
        assertEquals("toolu_bash_004", failed.toolCallId());
        assertEquals("Bash", failed.toolName());
        assertTrue(failed.text().startsWith("Exit code 1"));
        assertEquals("/loglines/1#tool_call2", sink.ofKind(EventKind.TOOL_CALL).get(0).locator());
        assertTrue(sink.ofKind(EventKind.MODEL_RESPONSE).get(0).payloadJson().contains("\"thinking\":\"The user wants a simple addition function."));
        // the thinking is also an event of its own, so it can be searched, hanging under its response
        Event thinking = sink.only(e -> e.kind() == EventKind.NOTE && "thinking".equals(e.name()));
        assertTrue(thinking.text().startsWith("The user wants a simple addition function."), thinking.text());
        assertEquals(Trust.MODEL, thinking.trust());
        assertEquals(sink.ofKind(EventKind.MODEL_RESPONSE).get(0).spanId(), thinking.parentId());
        // /compact's summary was written by the harness: not the user's words
        Event summary = sink.only(e -> e.locator().equals("/loglines/28"));
        assertEquals(EventKind.USER_MESSAGE, summary.kind());
        assertTrue(summary.has(dev.tracehound.timeline.event.EventFlag.HARNESS_INJECTED));
        assertEquals(Trust.SYSTEM, summary.trust());
    }

    @Test
    void metaLinesAreHarnessInjectedAndErrorsMarked(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("meta.jsonl");
        Files.writeString(file, """
                {"type":"user","isMeta":true,"sessionId":"s1","uuid":"u1","timestamp":"2025-01-01T00:00:00Z","message":{"role":"user","content":"Caveat: the messages below were generated by the user while running local commands."}}
                {"type":"assistant","sessionId":"s1","uuid":"u2","parentUuid":"u1","timestamp":"2025-01-01T00:00:01Z","message":{"id":"m1","model":"claude-x","role":"assistant","content":[{"type":"tool_use","id":"t1","name":"Bash","input":{"command":"rm -rf /"}}],"usage":{"input_tokens":10,"output_tokens":5}}}
                {"type":"user","sessionId":"s1","uuid":"u3","parentUuid":"u2","timestamp":"2025-01-01T00:00:02Z","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"permission denied","is_error":true}]}}
                {"no_type":true}
                """);
        CollectingSink sink = ImportFixture.importFile(importer, file);
        Event meta = sink.only(e -> e.kind() == EventKind.USER_MESSAGE);
        assertEquals(Trust.SYSTEM, meta.trust());
        assertTrue(meta.has(EventFlag.HARNESS_INJECTED));
        Event result = sink.only(e -> e.kind() == EventKind.TOOL_RESULT);
        assertEquals("error", result.status());
        assertEquals("Bash", result.toolName());
        assertEquals(1, sink.quarantined());
        assertEquals("line:4", sink.quarantined.get(0).locator());
        assertTrue(sink.quarantined.get(0).reason().contains("no \"type\""));
    }
}
