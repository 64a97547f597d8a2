package dev.tracehound.importers.langsmith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.CollectingSink;
import dev.tracehound.importers.ImportFixture;
import dev.tracehound.importers.otlp.OtlpFixture;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The LangSmith JS SDK ingest samples (../shared/samples/langsmith, MIT) and hand-written run exports. */
class LangSmithImporterTest {

    private static CollectingSink sample(String name) throws IOException {
        CollectingSink sink = ImportFixture.importFile(new LangSmithImporter(), ImportFixture.resource("samples/langsmith/" + name));
        assertTrue(sink.quarantined.isEmpty(), sink.quarantined::toString);
        return sink;
    }

    private static CollectingSink text(String content) throws IOException {
        return ImportFixture.importText(new LangSmithImporter(), "runs.json", content);
    }

    @Test
    void wrapOpenAiBatchMergesPostAndPatch() throws IOException {
        CollectingSink sink = sample("langsmith_js_wrap_openai_default.json");
        String run = "dc34609e-3eeb-459d-bc2a-6fedb01d2e6e";
        Event call = sink.byDedupKey("span:" + run + ":" + run + ":call");
        assertEquals(run, call.sessionId(), "LangSmith's session_name is a project; the session is the trace");
        assertEquals(9L, call.inputTokens());
        assertEquals(9L, call.outputTokens());
        assertEquals("gpt-4o-mini-2024-07-18", call.model());
        assertEquals("openai", call.provider());
        assertEquals(1728803137170L * 1_000_000, call.startNanos(), "epoch milliseconds");
        assertEquals(1728803138285L * 1_000_000, call.endNanos(), "end time from the patch");
        assertEquals("howdy", sink.ofKind(EventKind.USER_MESSAGE).getFirst().text());
        Event response = sink.byDedupKey("span:" + run + ":" + run + ":response");
        assertEquals("Howdy! How can I assist you today?", response.text());
        assertEquals("/post/0", call.locator());
        assertEquals(3, sink.events.size());
    }

    @Test
    void reasoningModelUsage() throws IOException {
        CollectingSink sink = sample("langsmith_js_wrap_openai_reasoning.json");
        Event call = sink.ofKind(EventKind.MODEL_CALL).getFirst();
        assertEquals(43L, call.inputTokens());
        assertEquals(1901L, call.outputTokens());
        assertEquals("o1-mini-2024-09-12", call.model());
    }

    @Test
    void streamedOutputKeepsItsFinishReason() throws IOException {
        CollectingSink sink = sample("langsmith_js_wrap_openai_stream.json");
        Event response = sink.ofKind(EventKind.MODEL_RESPONSE).getFirst();
        assertEquals("stop", OtlpFixture.json(response.payloadJson()).get("finish_reason").asText());
        assertEquals("Howdy! How can I assist you today?", response.text());
    }

    static final String TRACE = "1e5a0c5e-0000-4000-8000-000000000001";
    static final String LLM = "1e5a0c5e-0000-4000-8000-000000000002";
    static final String TOOL = "1e5a0c5e-0000-4000-8000-000000000003";

    /** A chain with a LangChain llm run (serialised messages) and a tool run, as the REST API returns them. */
    static final String REST_RUNS = """
            [{"id": "%1$s", "name": "AgentExecutor", "run_type": "chain", "trace_id": "%1$s",
              "dotted_order": "20250301T100000000000Z%1$s", "start_time": "2025-03-01T10:00:00.000000",
              "end_time": "2025-03-01T10:00:05.000000", "inputs": {"input": "what is on my calendar?"},
              "outputs": {"output": "Nothing today."}, "extra": {"metadata": {"thread_id": "thread-9"}}},
             {"id": "%2$s", "name": "ChatAnthropic", "run_type": "llm", "trace_id": "%1$s", "parent_run_id": "%1$s",
              "dotted_order": "20250301T100000000000Z%1$s.20250301T100001000000Z%2$s",
              "start_time": "2025-03-01T10:00:01.000000", "end_time": "2025-03-01T10:00:02.000000",
              "inputs": {"messages": [[
                 {"lc": 1, "type": "constructor", "id": ["langchain", "schema", "messages", "SystemMessage"], "kwargs": {"content": "You are a calendar bot."}},
                 {"lc": 1, "type": "constructor", "id": ["langchain", "schema", "messages", "HumanMessage"], "kwargs": {"content": "what is on my calendar?"}}]]},
              "outputs": {"generations": [[{"text": "", "message": {"lc": 1, "type": "constructor",
                 "id": ["langchain", "schema", "messages", "AIMessage"],
                 "kwargs": {"content": "", "tool_calls": [{"name": "list_events", "args": {"day": "today"}, "id": "toolu_1"}]}}}]],
                 "llm_output": {"token_usage": {"prompt_tokens": 120, "completion_tokens": 30}}},
              "extra": {"metadata": {"ls_provider": "anthropic", "ls_model_name": "claude-3-5-sonnet", "thread_id": "thread-9"}}},
             {"id": "%3$s", "name": "list_events", "run_type": "tool", "trace_id": "%1$s",
              "dotted_order": "20250301T100000000000Z%1$s.20250301T100003000000Z%3$s",
              "start_time": "2025-03-01T10:00:03.000000", "end_time": "2025-03-01T10:00:04.000000",
              "inputs": {"input": "{\\"day\\": \\"today\\"}"}, "outputs": {"output": "[]"}, "error": "calendar API returned 503",
              "extra": {"metadata": {"thread_id": "thread-9"}}}]
            """.formatted(TRACE, LLM, TOOL);

    @Test
    void restRunExportWithLangChainMessagesAndParentsFromDottedOrder() throws IOException {
        CollectingSink sink = text(REST_RUNS);
        assertTrue(sink.events.stream().allMatch(e -> "thread-9".equals(e.sessionId())), sink::dump);
        Event chain = sink.byDedupKey("span:" + TRACE + ":" + TRACE + ":step");
        assertEquals(EventKind.AGENT_STEP, chain.kind());
        assertNull(chain.parentId());
        Event llm = sink.byDedupKey("span:" + TRACE + ":" + LLM + ":call");
        assertEquals(120L, llm.inputTokens());
        assertEquals(30L, llm.outputTokens());
        assertEquals("anthropic", llm.provider());
        assertEquals(TRACE, llm.parentId());
        JsonNode messages = OtlpFixture.json(llm.payloadJson()).get("messages");
        assertEquals("system", messages.get(0).get("role").asText());
        assertEquals("You are a calendar bot.", messages.get(0).get("content").asText());
        assertEquals("user", messages.get(1).get("role").asText());
        Event asked = sink.toolCallOf(LLM);
        assertEquals("list_events", asked.toolName());
        assertEquals("toolu_1", asked.toolCallId());
        assertEquals("today", OtlpFixture.json(asked.payloadJson()).get("arguments").get("day").asText());
        Event tool = sink.toolCallOf(TOOL);
        assertEquals(TRACE, tool.parentId(), "parent from dotted_order when parent_run_id is absent");
        assertEquals("today", OtlpFixture.json(tool.payloadJson()).get("arguments").get("day").asText());
        assertEquals("error", tool.status());
        assertEquals("calendar API returned 503", sink.byDedupKey("span:" + TRACE + ":" + TOOL + ":error").text());
        assertEquals(Trust.TOOL_OUTPUT, sink.byDedupKey("span:" + TRACE + ":" + TOOL + ":tool_result").trust());
        assertEquals(1_740_823_201_000_000_000L, llm.startNanos(), "ISO time without zone read as UTC");
    }

    /** The llm run's tool call and the tool run that executed it (same tool_call_id) are one call in the store. */
    @Test
    void toolRunAndTheModelsRequestShareOneToolCallKey() throws IOException {
        String withId = REST_RUNS.replace("\"inputs\": {\"input\": \"{", "\"inputs\": {\"tool_call_id\": \"toolu_1\", \"input\": \"{");
        assertTrue(withId.contains("\"tool_call_id\": \"toolu_1\""));
        CollectingSink sink = text(withId);
        Event asked = sink.toolCallOf(LLM);
        Event ran = sink.toolCallOf(TOOL);
        assertEquals("toolu_1", ran.toolCallId());
        assertEquals("toolcall:" + TRACE + ":toolu_1", ran.dedupKey());
        assertEquals(ran.dedupKey(), asked.dedupKey());
    }

    @Test
    void jsonLinesOfRuns() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (JsonNode run : OtlpFixture.json(REST_RUNS)) lines.append(run).append('\n');
        lines.append("{broken\n");
        CollectingSink sink = text(lines.toString());
        assertEquals("line:2", sink.byDedupKey("span:" + TRACE + ":" + LLM + ":call").locator());
        assertEquals("line:4", sink.quarantined.getFirst().locator());
    }

    @Test
    void patchBeforePostStillMergesAndPatchWins() throws IOException {
        String batch = """
                {"patch": [{"id": "r1", "trace_id": "r1", "end_time": 1700000001000, "outputs": {"choices": [{"message": {"role": "assistant", "content": "final answer"}}]}}],
                 "post": [{"id": "r1", "trace_id": "r1", "name": "llm", "run_type": "llm", "start_time": 1700000000000,
                           "inputs": {"messages": [{"role": "user", "content": "hi"}]}, "outputs": {"choices": [{"message": {"role": "assistant", "content": "draft"}}]}},
                          {"id": "r2", "trace_id": "r1", "parent_run_id": "r1", "name": "search", "run_type": "tool", "start_time": 1700000000500,
                           "inputs": {"query": "x"}}]}
                """;
        CollectingSink sink = text(batch);
        assertEquals("final answer", sink.byDedupKey("span:r1:r1:response").text());
        assertEquals(1700000001000L * 1_000_000, sink.byDedupKey("span:r1:r1:call").endNanos());
        // r2 never got its patch: emitted at the end of the file, with a warning that it had not finished.
        assertEquals("search", sink.toolCallOf("r2").toolName());
        assertEquals(1, sink.warningCount("run-not-finished"));
    }

    @Test
    void patchWithoutPostAndNonObjectsAreQuarantined() throws IOException {
        CollectingSink sink = text("{\"post\": [42], \"patch\": [{\"id\": \"ghost\", \"end_time\": 1700000001000}]}");
        assertEquals(2, sink.quarantined.size());
        assertEquals("/post/0", sink.quarantined.get(0).locator());
        assertEquals("/patch/0", sink.quarantined.get(1).locator());
        assertTrue(sink.events.isEmpty());
    }

    /** The ../shared/samples/mcp files are Anthropic managed-agent SDK recordings, not LangSmith runs. */
    @Test
    void managedAgentRecordingsAreNotRuns() throws IOException {
        Path shared = Path.of(System.getProperty("tracehound.shared", "../../shared"), "samples/mcp/langsmith_anthropic_managed_mcp_tools.jsonl");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(shared), "needs ../shared");
        assertEquals(0, new LangSmithImporter().detect(ImportFixture.head(shared)));
        CollectingSink sink = new CollectingSink();
        new LangSmithImporter().read(ImportFixture.source(shared), sink);
        assertTrue(sink.events.isEmpty());
        assertTrue(sink.quarantined.size() > 5, "every line quarantined as not a run, none silently dropped");
    }

    @Test
    void restListResponseWithRunsField() throws IOException {
        CollectingSink sink = text("{\"runs\": " + REST_RUNS + ", \"cursors\": {\"next\": null}}");
        assertEquals("/runs/1", sink.byDedupKey("span:" + TRACE + ":" + LLM + ":call").locator());
        assertTrue(sink.quarantined.isEmpty(), sink.quarantined::toString);
    }

    @Test
    void nestedChildRunsAreEachImported() throws IOException {
        JsonNode runs = OtlpFixture.json(REST_RUNS);
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) runs.get(0).deepCopy();
        com.fasterxml.jackson.databind.node.ArrayNode children = root.putArray("child_runs");
        for (int i = 1; i < runs.size(); i++) {
            com.fasterxml.jackson.databind.node.ObjectNode child = (com.fasterxml.jackson.databind.node.ObjectNode) runs.get(i).deepCopy();
            child.remove("parent_run_id");
            child.remove("trace_id");
            child.remove("dotted_order");
            children.add(child);
        }
        CollectingSink sink = text(root.toString());
        Event llm = sink.byDedupKey("span:" + TRACE + ":" + LLM + ":call");
        assertEquals("/child_runs/0", llm.locator());
        assertEquals(TRACE, llm.parentId(), "parent from the nesting");
        assertEquals("list_events", sink.toolCallOf(TOOL).toolName());
        assertTrue(sink.quarantined.isEmpty(), sink.quarantined::toString);
    }
}
