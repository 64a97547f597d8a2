package dev.tracehound.importers.langfuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.CollectingSink;
import dev.tracehound.importers.ImportFixture;
import dev.tracehound.importers.otlp.OtlpFixture;
import dev.tracehound.importers.otlp.OtlpImporter;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventFlag;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The Langfuse framework-trace samples (../shared/samples/langfuse, MIT) and hand-written exports. */
class LangfuseImporterTest {

    private static CollectingSink sample(String name) throws IOException {
        CollectingSink sink = ImportFixture.importFile(new LangfuseImporter(), ImportFixture.resource("samples/langfuse/" + name));
        assertTrue(sink.quarantined.isEmpty(), sink.quarantined::toString);
        return sink;
    }

    private static CollectingSink text(String content) throws IOException {
        return ImportFixture.importText(new LangfuseImporter(), "export.json", content);
    }

    @Test
    void openAiAgentsTraceGivesToolCallHistoryAndScores() throws IOException {
        CollectingSink sink = sample("langfuse_openai-agents-2025-09-30.trace.json");
        String trace = "fee618f96dc31e0ca38b2f7b26eb8b29";
        // First generation: the model asks for get_weather(city=Tokyo); usage 55/15, cost 0.00023.
        Event first = sink.byDedupKey("span:" + trace + ":98870087af69bf06:call");
        assertEquals(55L, first.inputTokens());
        assertEquals(15L, first.outputTokens());
        assertEquals(0.00023, first.costUsd(), 1e-12);
        assertEquals("gpt-4.1-2025-04-14", first.model());
        assertEquals("openai", first.provider());
        assertEquals("d950b668796240b5", first.parentId());
        Event call = sink.toolCallOf("98870087af69bf06");
        assertEquals("get_weather", call.toolName());
        assertEquals("call_Kud0j0DxWSmLzv9W5m6qVqXn", call.toolCallId());
        assertEquals("Tokyo", OtlpFixture.json(call.payloadJson()).get("arguments").get("city").asText());
        // The TOOL observation: result text.
        Event result = sink.byDedupKey("span:" + trace + ":5b99c3e3411ed17b:tool_result");
        assertEquals("The weather in Tokyo is sunny.", result.text());
        assertEquals(Trust.TOOL_OUTPUT, result.trust());
        // Second generation: Responses-API items in the input become assistant tool call + tool output.
        Event second = sink.byDedupKey("span:" + trace + ":90d94774e8e3724d:call");
        JsonNode messages = OtlpFixture.json(second.payloadJson()).get("messages");
        assertEquals(3, messages.size());
        assertEquals("get_weather", messages.get(1).get("tool_calls").get(0).get("name").asText());
        assertEquals("call_Kud0j0DxWSmLzv9W5m6qVqXn", messages.get(2).get("tool_call_id").asText());
        assertTrue(sink.byDedupKey("span:" + trace + ":90d94774e8e3724d:response").text().startsWith("The weather in Tokyo is currently sunny."));
        // The user message appears in both generations' input but is one message.
        assertEquals(1, sink.ofKind(EventKind.USER_MESSAGE).stream().map(Event::dedupKey).distinct().count());
        assertTrue(sink.ofKind(EventKind.NOTE).stream().anyMatch(n -> n.text().startsWith("score toxicity = 0.8")));
    }

    @Test
    void claudeAgentTraceTakesItsSessionFromLangSmithMetadata() throws IOException {
        CollectingSink sink = sample("langfuse_claude-agent-2025-12-22.trace.json");
        assertTrue(sink.events.stream().allMatch(e -> "6fb9b4b8-dd4d-4d41-8d4f-c0c0799a6559".equals(e.sessionId())));
        var calls = sink.ofKind(EventKind.TOOL_CALL).stream().filter(e -> e.toolCallId() != null).toList();
        assertEquals(2, calls.size());
        assertTrue(calls.stream().anyMatch(c -> c.toolCallId().equals("toolu_01TKoqQLvY2UWuC49qnD48y7")
                && c.payloadJson().contains("\"city\":\"Berlin\"")));
        assertTrue(calls.stream().allMatch(c -> c.toolName().equals("mcp__weather__get_weather")));
        assertEquals("Weather in Berlin: Cloudy, 59°F", sink.byDedupKey("span:097f1d8982fa909b8cffb14a166ec272:f411dab686a064b1:tool_result").text());
        Event turn = sink.byDedupKey("span:097f1d8982fa909b8cffb14a166ec272:e9aac170e5d48125:call");
        assertEquals(19L, turn.inputTokens());
        assertEquals(29L, turn.outputTokens());
        assertEquals("anthropic", turn.provider());
        assertEquals("claude.conversation", sink.byDedupKey("span:097f1d8982fa909b8cffb14a166ec272:805dc5dff9e33e32:step").text());
        // scores are recorded about the trace afterwards (correctness seven weeks later): marked so, and only they
        List<Event> later = sink.events.stream().filter(e -> e.has(EventFlag.RECORDED_LATER)).toList();
        assertEquals(List.of("score correctness", "score hallucination", "score toxicity"), later.stream().map(Event::name).toList());
    }

    @Test
    void langGraphTraceUsesThreadIdAndLangChainMessages() throws IOException {
        CollectingSink sink = sample("langfuse_langgraph-python-2025-08-22.trace.json");
        assertTrue(sink.events.stream().allMatch(e -> "demo-thread-1".equals(e.sessionId())));
        Event search = sink.toolCallOf("4f6535aaebcda355");
        assertEquals("Web-Search", search.toolName());
        assertEquals("call_1oGK863sxQHlPreFhDdEs3yl", search.toolCallId());
        assertEquals("example", OtlpFixture.json(search.payloadJson()).get("arguments").get("query").asText());
        Event second = sink.byDedupKey("span:e1fde3efec57ce8a69bafd3fb928a7eb:5ba09605e0929d78:call");
        assertEquals(108L, second.inputTokens());
        assertEquals(51L, second.outputTokens());
        assertTrue(sink.ofKind(EventKind.TOOL_RESULT).stream().anyMatch(r -> "call_1oGK863sxQHlPreFhDdEs3yl".equals(r.toolCallId())
                && r.text().contains("https://example.com")));
    }

    @Test
    void vercelAiSdkTraceReadsToolIdsFromSpanAttributes() throws IOException {
        CollectingSink sink = sample("langfuse_vercel-aisdk-2025-11-17.trace.json");
        String trace = "df41e597d0a85e0d7a6ae8ebfaa70aa0";
        Event generate = sink.byDedupKey("span:" + trace + ":91a17a2274bfd23f:call");
        assertEquals(62L, generate.inputTokens());
        assertEquals(85L, generate.outputTokens());
        JsonNode payload = OtlpFixture.json(generate.payloadJson());
        assertEquals("What is the weather like today in San Francisco?", payload.get("messages").get(0).get("content").asText());
        assertEquals("getWeather", payload.get("tools").get(0).get("name").asText(), "tools from metadata.tools");
        Event call = sink.toolCallOf("91a17a2274bfd23f");
        assertEquals("call_DgKARp7a7IhJPDczfifMp6Ra", call.toolCallId());
        assertEquals("San Francisco", OtlpFixture.json(call.payloadJson()).get("arguments").get("location").asText());
        Event tool = sink.toolCallOf("e9bb8c191e1e4706");
        assertEquals("getWeather", tool.toolName());
        assertEquals("call_DgKARp7a7IhJPDczfifMp6Ra", tool.toolCallId(), "from ai.toolCall.id in metadata.attributes");
        assertEquals("toolcall:" + trace + ":call_DgKARp7a7IhJPDczfifMp6Ra", tool.dedupKey(), "one call, recorded twice");
        assertEquals(tool.dedupKey(), call.dedupKey(), "the generation's request and the TOOL observation collapse in the store");
        assertTrue(sink.byDedupKey("span:" + trace + ":e9bb8c191e1e4706:tool_result").text().contains("\"temperature\":64"));
    }

    @Test
    void pydanticAiTraceHasSystemPromptsAndThreeToolRuns() throws IOException {
        CollectingSink sink = sample("langfuse_pydantic-ai-tools-2025-12-04.trace.json");
        assertTrue(sink.ofKind(EventKind.SYSTEM_PROMPT).stream().anyMatch(s -> s.text().startsWith("You are a creative joke writer.")));
        var toolNames = sink.events.stream().filter(e -> e.kind() == EventKind.TOOL_CALL && e.locator().matches("/observations/\\d+"))
                .map(Event::toolName).sorted().toList();
        assertEquals(java.util.List.of("get_dad_joke_suggestion", "get_one_liner_suggestion", "get_pun_suggestion"), toolNames);
        Event critic = sink.byDedupKey("span:7a38edd8123db47ad8dcb8aa4c5e3926:eb0cc14cf7943ad5:call");
        assertEquals(131L, critic.inputTokens());
        assertEquals(69L, critic.outputTokens());
    }

    @Test
    void agentPrismExportDoesNotDoubleCountObservationsNestedInTheTrace() throws IOException {
        CollectingSink sink = sample("agentprism_langfuse-3.json");
        assertEquals(4, sink.ofKind(EventKind.MODEL_CALL).size(), "4 GENERATION observations, each once");
        assertTrue(sink.events.stream().allMatch(e -> "chat_b537db89-0454-4ec2-9915-fc30b7e91beb".equals(e.sessionId())));
        Event tool = sink.toolCallOf("9a6a16a257c88b0a");
        assertEquals("searchLangfuseDocs", tool.toolName());
        assertEquals("call_Wgy5Y139OQnSh7grDUUE0iil", tool.toolCallId());
        Event stream = sink.byDedupKey("span:6f58ac41090ac81ce6203900dadf8e6b:00db41221c0d2850:call");
        assertEquals(17324L, stream.inputTokens());
        assertTrue(stream.has(EventFlag.CONTENT_NOT_CAPTURED), "a generation recorded without input or output");
    }

    @Test
    void crewAiGenerationHasTheAgentRoleAsSystemPrompt() throws IOException {
        CollectingSink sink = sample("langfuse_crewai-2025-07-11.trace.json");
        Event call = sink.byDedupKey("span:a287bb31e317433610d8827617471140:231c43964b7e7e63:call");
        assertEquals(190L, call.inputTokens());
        assertEquals(164L, call.outputTokens());
        assertEquals("gpt-4o-mini", call.model());
        assertTrue(sink.ofKind(EventKind.SYSTEM_PROMPT).getFirst().text().startsWith("You are Software developer."));
    }

    static final String HANDWRITTEN = """
            {"trace": {"id": "T-1", "sessionId": "S-1", "name": "support", "timestamp": "2025-03-01T10:00:00Z"},
             "observations": [
               {"id": "o1", "traceId": "T-1", "type": "GENERATION", "name": "llm", "startTime": "2025-03-01T10:00:01Z",
                "endTime": "2025-03-01T10:00:02.5Z", "model": "gpt-4o",
                "input": "\\"[{\\\\\\"role\\\\\\":\\\\\\"user\\\\\\",\\\\\\"content\\\\\\":\\\\\\"Reset my password\\\\\\"}]\\"",
                "output": {"role": "assistant", "content": "Done. Your new password is hunter2\\n...[truncated]"},
                "usage": {"input": 11, "output": 9}, "calculatedTotalCost": 0.0001},
               "not an observation",
               {"id": "o3", "traceId": "T-1", "type": "EVENT", "name": "log", "startTime": "2025-03-01T10:00:03Z", "level": "ERROR",
                "statusMessage": "rate limited"}
             ]}
            """;

    @Test
    void doubleEncodedInputTruncationMarkersAndBadObservations() throws IOException {
        CollectingSink sink = text(HANDWRITTEN);
        Event call = sink.byDedupKey("span:T-1:o1:call");
        assertEquals("S-1", call.sessionId());
        assertEquals("Reset my password", sink.ofKind(EventKind.USER_MESSAGE).getFirst().text(), "a JSON string in a JSON string, decoded");
        assertEquals(11L, call.inputTokens());
        assertEquals(1.0e-4, call.costUsd(), 1e-12);
        assertEquals(1_740_823_202_500_000_000L, call.endNanos());
        Event response = sink.byDedupKey("span:T-1:o1:response");
        assertTrue(response.has(EventFlag.CONTENT_TRUNCATED));
        assertEquals(1, sink.quarantined.size());
        assertEquals("/observations/1", sink.quarantined.getFirst().locator());
        Event error = sink.byDedupKey("span:T-1:o3:error");
        assertEquals("rate limited", error.text());
    }

    @Test
    void jsonLinesOfTracesAndBareObservations() throws IOException {
        String line1 = OtlpFixture.json(HANDWRITTEN).toString();
        String line2 = "{\"id\":\"o9\",\"traceId\":\"T-2\",\"type\":\"TOOL\",\"name\":\"lookup\",\"startTime\":\"2025-03-01T11:00:00Z\","
                + "\"input\":{\"q\":\"x\"},\"output\":\"found\"}";
        CollectingSink sink = text(line1 + "\n" + line2 + "\n");
        assertEquals("line:1/observations/1", sink.quarantined.getFirst().locator());
        Event tool = sink.toolCallOf("o9");
        assertEquals("lookup", tool.toolName());
        assertEquals("line:2", tool.locator());
        assertEquals("found", sink.byDedupKey("span:T-2:o9:tool_result").text());
    }

    @Test
    void listOfTraceObjectsWithNestedObservations() throws IOException {
        String doc = "[{\"id\":\"A\",\"sessionId\":\"S\",\"observations\":[{\"id\":\"a1\",\"type\":\"SPAN\",\"name\":\"step\",\"startTime\":\"2025-01-01T00:00:00Z\"}]},"
                + "{\"id\":\"B\",\"observations\":[{\"id\":\"b1\",\"type\":\"SPAN\",\"name\":\"step\",\"startTime\":\"2025-01-01T00:00:00Z\"}]}, 42]";
        CollectingSink sink = text(doc);
        assertEquals("S", sink.byDedupKey("span:a:a1:step").sessionId());
        assertEquals("/0/observations/0", sink.byDedupKey("span:a:a1:step").locator());
        assertEquals("b", sink.byDedupKey("span:b:b1:step").sessionId(), "no session: the trace id");
        assertEquals("/2", sink.quarantined.getFirst().locator());
    }

    /** Langfuse keeps OTel's ids, so the OTLP file and the Langfuse export of one span share their dedup keys. */
    @Test
    void otlpAndLangfuseExportsOfTheSameSpanCollapse() throws IOException {
        CollectingSink langfuse = sample("langfuse_openai-agents-2025-09-30.trace.json");
        String otlp = OtlpFixture.request(OtlpFixture.span("FEE618F96DC31E0CA38B2F7B26EB8B29", "5B99C3E3411ED17B", "d950b668796240b5", "get_weather",
                OtlpFixture.flat(Map.of("openinference.span.kind", "TOOL", "tool.name", "get_weather",
                        "input.value", "{\"city\":\"Tokyo\"}", "output.value", "The weather in Tokyo is sunny.")))).toString();
        CollectingSink fromOtlp = ImportFixture.importText(new OtlpImporter(), "trace.otlp.json", otlp);
        for (String part : new String[] {"tool_call", "tool_result"}) {
            String key = "span:fee618f96dc31e0ca38b2f7b26eb8b29:5b99c3e3411ed17b:" + part;
            Event a = langfuse.byDedupKey(key);
            Event b = fromOtlp.byDedupKey(key);
            assertEquals(a.text(), b.text());
            assertTrue(Objects.equals(a.toolName(), b.toolName()));
        }
    }

    @Test
    void publicApiPageOfObservations() throws IOException {
        String page = "{\"data\":[{\"id\":\"g1\",\"traceId\":\"T-3\",\"type\":\"GENERATION\",\"startTime\":\"2025-03-01T11:00:00Z\","
                + "\"input\":[{\"role\":\"user\",\"content\":\"hello\"}],\"output\":\"hi there\",\"usageDetails\":{\"input\":3,\"output\":2}}],"
                + "\"meta\":{\"page\":1,\"totalItems\":1}}";
        CollectingSink sink = text(page);
        Event call = sink.byDedupKey("span:T-3:g1:call");
        assertEquals("/data/0", call.locator());
        assertEquals(3L, call.inputTokens());
        assertEquals("hi there", sink.byDedupKey("span:T-3:g1:response").text());
        assertEquals("hello", sink.ofKind(EventKind.USER_MESSAGE).getFirst().text());
    }

    @Test
    void observationWithoutTimeGetsTheTraceTimeAndTheFlag() throws IOException {
        CollectingSink sink = text("{\"trace\":{\"id\":\"T\",\"timestamp\":\"2025-03-01T10:00:00Z\"},"
                + "\"observations\":[{\"id\":\"a\",\"type\":\"SPAN\",\"name\":\"x\"},{\"id\":\"b\",\"type\":\"SPAN\",\"name\":\"y\"}]}");
        Event a = sink.byDedupKey("span:T:a:step");
        Event b = sink.byDedupKey("span:T:b:step");
        assertTrue(a.has(EventFlag.TIME_INFERRED));
        assertTrue(a.startNanos() >= 1_740_823_200_000_000_000L && a.startNanos() < b.startNanos(), "trace time plus file order");
        assertEquals(2, sink.warningCount("time-inferred"));
    }
}
