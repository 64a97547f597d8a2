package dev.tracehound.importers.codex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.importers.CollectingSink;
import dev.tracehound.importers.FileHeads;
import dev.tracehound.importers.ImportFixture;
import dev.tracehound.importers.Importers;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodexImporterTest {
    private static final Path SYNTHETIC = ImportFixture.resource("samples/codex/daaain_codex_rollout_synthetic.jsonl");
    private static final Path SIMPLE = ImportFixture.resource("samples/codex/simonw_sample_codex_session.jsonl");
    private final CodexImporter importer = new CodexImporter();

    @Test
    void detectsRollouts() throws Exception {
        assertEquals("codex", Importers.detect(FileHeads.read(SYNTHETIC)).format());
        assertEquals("codex", Importers.detect(FileHeads.read(SIMPLE)).format());
    }

    @Test
    void rolloutMapsCallsResultsAndMessages() throws Exception {
        CollectingSink sink = ImportFixture.importFile(importer, SYNTHETIC);
        assertEquals(14, sink.records());
        assertEquals(0, sink.quarantined(), sink.reasons());
        assertEquals(List.of("11111111-1111-4111-8111-111111111111"), List.copyOf(sink.sessions().keySet()));

        assertEquals(List.of("List the synthetic files."), sink.ofKind(EventKind.USER_MESSAGE).stream().map(Event::text).toList());
        Event answer = sink.only(e -> e.kind() == EventKind.MODEL_RESPONSE);
        assertEquals("The synthetic files are alpha.txt and beta.txt.", answer.text());
        assertEquals("synthetic-model", answer.model(), "model from turn_context");

        List<Event> calls = sink.ofKind(EventKind.TOOL_CALL);
        assertEquals(List.of("exec_command", "apply_patch", "mcp__synthetic__lookup"), calls.stream().map(Event::toolName).toList());
        assertEquals("call-structured-001", calls.get(0).toolCallId());
        assertTrue(calls.get(0).payloadJson().contains("\"cmd\":\"find . -maxdepth 1 -type f\""), calls.get(0).payloadJson());

        List<Event> results = sink.ofKind(EventKind.TOOL_RESULT);
        assertEquals(List.of("exec_command", "apply_patch", "mcp__synthetic__lookup"), results.stream().map(Event::toolName).toList());
        assertEquals("./alpha.txt\n./beta.txt", results.get(0).text());
        assertEquals("Done!", results.get(1).text());
        assertEquals(Trust.TOOL_OUTPUT, results.get(2).trust());

        Event reasoning = sink.only(e -> "reasoning".equals(e.name()));
        assertEquals("I will inspect the synthetic directory.", reasoning.text());
        assertFalse(reasoning.payloadJson().contains("SYNTHETIC_ENCRYPTED_CONTENT_MUST_NOT_RENDER"));

        assertEquals(1, sink.orderedWarnings().get("UNKNOWN_RECORD_TYPE").count());
        assertEquals("line:14", sink.orderedWarnings().get("UNKNOWN_RECORD_TYPE").firstLocator());
        // user_message and agent_message event_msgs repeat response items: no duplicate text
        assertEquals(1, sink.where(e -> "List the synthetic files.".equals(e.text())).size());
    }

    @Test
    void sessionInstructionsBecomeSystemPrompt() throws Exception {
        CollectingSink sink = ImportFixture.importFile(importer, SIMPLE);
        assertEquals(List.of("test-session"), List.copyOf(sink.sessions().keySet()));
        assertEquals("Sample instructions", sink.only(e -> e.kind() == EventKind.SYSTEM_PROMPT).text());
        assertEquals("Write a hello world function", sink.only(e -> e.kind() == EventKind.USER_MESSAGE).text());
        assertEquals("Here is a simple hello world function.", sink.only(e -> e.kind() == EventKind.MODEL_RESPONSE).text());
        assertEquals("openai", sink.only(e -> e.kind() == EventKind.MODEL_RESPONSE).provider());
    }

    @Test
    void tokenCountBecomesModelCallWithUsage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rollout.jsonl");
        Files.writeString(file, """
                {"timestamp":"2025-09-01T00:00:00Z","type":"session_meta","payload":{"id":"s-9","timestamp":"2025-09-01T00:00:00Z","cwd":"/w","originator":"codex_cli_rs","model_provider":"openai"}}
                {"timestamp":"2025-09-01T00:00:01Z","type":"turn_context","payload":{"cwd":"/w","model":"gpt-5-codex","approval_policy":"on-request","sandbox_policy":{"mode":"workspace-write"}}}
                {"timestamp":"2025-09-01T00:00:02Z","type":"event_msg","payload":{"type":"token_count","info":{"total_token_usage":{"input_tokens":900,"output_tokens":70},"last_token_usage":{"input_tokens":400,"cached_input_tokens":100,"output_tokens":30}}}}
                {"timestamp":"2025-09-01T00:00:03Z","type":"response_item","payload":{"type":"function_call","name":"shell","arguments":"{\\"command\\":[\\"false\\"]}","call_id":"c1"}}
                {"timestamp":"2025-09-01T00:00:04Z","type":"response_item","payload":{"type":"function_call_output","call_id":"c1","output":"{\\"output\\":\\"\\",\\"metadata\\":{\\"exit_code\\":1}}"}}
                """);
        CollectingSink sink = ImportFixture.importFile(importer, file);
        Event call = sink.only(e -> e.kind() == EventKind.MODEL_CALL);
        assertEquals(400L, call.inputTokens());
        assertEquals(30L, call.outputTokens());
        assertEquals("gpt-5-codex", call.model());
        Event result = sink.only(e -> e.kind() == EventKind.TOOL_RESULT);
        assertEquals("shell", result.toolName());
        assertEquals("error", result.status());
    }
}
