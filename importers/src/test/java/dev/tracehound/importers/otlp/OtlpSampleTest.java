package dev.tracehound.importers.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.CollectingSink;
import dev.tracehound.importers.ImportFixture;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The real OTLP samples (copied from ../shared/samples with their PROVENANCE notes) and the OpenInference /
 * OTel GenAI attribute fixtures wrapped into OTLP envelopes. Expected values were read off the files.
 */
class OtlpSampleTest {
    private static final String RAG_TRACE = "b47d761fe79be88aee41342cdd527268"; // base64 tH12H+eb6IruQTQs3VJyaA==

    private static CollectingSink importFile(String resource) throws IOException {
        return ImportFixture.importFile(new OtlpImporter(), ImportFixture.resource("samples/otlp/" + resource));
    }

    private static CollectingSink importFlatFixture(String resource, String name) throws IOException {
        JsonNode flat = OtlpFixture.readJson(ImportFixture.resource("samples/otlp/" + resource));
        String doc = OtlpFixture.request(OtlpFixture.span("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", null, name, flat)).toString();
        return ImportFixture.importText(new OtlpImporter(), resource, doc);
    }

    @Test
    void ragSampleWithBase64IdsBecomesRetrievalsAndOneModelCall() throws IOException {
        CollectingSink sink = importFile("agentprism_rag_earnings_agent.otlp.json");
        assertEquals(18, sink.records(), "18 spans in three requests");
        assertTrue(sink.quarantined.isEmpty(), sink.quarantined::toString);
        assertTrue(sink.events.stream().allMatch(e -> RAG_TRACE.equals(e.traceId()) && RAG_TRACE.equals(e.sessionId())));

        // VectorStoreRetriever (spanId L2l7L7onxPI= → 2f697b2fba27c4f2): three documents, one event each.
        var docs = sink.ofKind(EventKind.RETRIEVAL);
        assertEquals(3, docs.size());
        Event doc0 = sink.byDedupKey("span:" + RAG_TRACE + ":2f697b2fba27c4f2:doc0");
        assertEquals(Trust.RETRIEVED_DOCUMENT, doc0.trust());
        assertTrue(doc0.text().startsWith("Meta Platforms Inc. Q4 2023 Earnings Report"));
        assertTrue(doc0.payloadJson().contains("data/meta_q4_2023.txt"));
        assertTrue(doc0.payloadJson().contains("\"query\":\"what was meta's revenue in Q4 2023\""));
        assertEquals("690cf3daabedaca6", doc0.parentId());

        // ChatOpenAI LLM span: usage 629/19, model gpt-3.5-turbo, provider from LangChain metadata ls_provider.
        Event call = sink.byDedupKey("span:" + RAG_TRACE + ":19c9ad380e6da405:call");
        assertEquals(EventKind.MODEL_CALL, call.kind());
        assertEquals(629L, call.inputTokens());
        assertEquals(19L, call.outputTokens());
        assertEquals("gpt-3.5-turbo", call.model());
        assertEquals("openai", call.provider());
        assertEquals("4a5ada1fe5cb19bc", call.parentId());
        assertEquals(1751474840799428096L, call.startNanos(), "nanoseconds from the string, exactly");
        Event response = sink.byDedupKey("span:" + RAG_TRACE + ":19c9ad380e6da405:response");
        assertEquals("Meta Platforms Inc.'s revenue in Q4 2023 was $40.1 billion.", response.text());
        Event user = sink.ofKind(EventKind.USER_MESSAGE).getFirst();
        assertTrue(user.dedupKey().startsWith("msg:" + RAG_TRACE + ":"));
        assertTrue(user.text().contains("Answer the following question based on the provided context"));
        assertEquals("19c9ad380e6da405", user.parentId());

        // CHAIN spans are agent steps; the root "main" span (no OpenInference kind) is a note with no parent.
        assertEquals("retrieval_chain", sink.byDedupKey("span:" + RAG_TRACE + ":ed78e4e77f97ca97:step").text());
        Event root = sink.byDedupKey("span:" + RAG_TRACE + ":c8fddf8a758b15ca:note");
        assertNull(root.parentId());
        assertEquals(1, sink.warnings.stream().filter(w -> w.code().equals("unknown-attributes") && w.message().contains("'quotient.*'")).count());
        assertEquals(1, sink.warnings.stream().filter(w -> w.code().equals("unknown-attributes") && w.message().contains("'app.*'")).count());
        assertEquals("/1/resourceSpans/0/scopeSpans/0/spans/0", call.locator());
    }

    @Test
    void canonicalProtoExampleKeepsUppercaseHexIdsAndBigNumericTimesExact() throws IOException {
        CollectingSink sink = importFile("otlpproto_examples_trace.json");
        assertEquals(1, sink.events.size());
        Event e = sink.events.getFirst();
        assertEquals("5b8efff798038103d269b633813fc60c", e.traceId());
        assertEquals("eee19b7ec3c1b174", e.spanId());
        assertEquals("eee19b7ec3c1b173", e.parentId());
        assertEquals(1544712660000000000L, e.startNanos());
        assertEquals(1544712661000000000L, e.endNanos());
        assertEquals(EventKind.NOTE, e.kind());
        assertTrue(e.payloadJson().contains("\"kind\":\"server\""), "integer kind 2 read as server");
        assertEquals(1, sink.warningCount("unknown-attributes"));
    }

    @Test
    void currentGenAiAttributesGiveMessagesToolCallsAndUsage() throws IOException {
        CollectingSink sink = importFlatFixture("otel_genai_client_span_tool_calls.json", "chat gpt-4");
        assertWeatherExchange(sink);
        Event call = sink.ofKind(EventKind.MODEL_CALL).getFirst();
        assertEquals("gpt-4-0613", call.model(), "the response model is the one that answered");
        assertTrue(call.payloadJson().contains("\"temperature\":0.5"));
        assertTrue(sink.ofKind(EventKind.MODEL_RESPONSE).stream().anyMatch(r -> r.payloadJson().contains("\"finish_reason\":\"stop\"")));
    }

    @Test
    void openInferenceIndexedMessagesGiveTheSameExchange() throws IOException {
        CollectingSink sink = importFlatFixture("openinference_client_span_tool_calls.json", "ChatCompletion");
        assertWeatherExchange(sink);
        assertEquals("gpt-4-0613", sink.ofKind(EventKind.MODEL_CALL).getFirst().model());
    }

    @Test
    void openInferenceInputValueOnlyGivesTheSameExchange() throws IOException {
        CollectingSink sink = importFlatFixture("openinference_client_span_input_output_only.json", "ChatCompletion");
        assertWeatherExchange(sink);
    }

    @Test
    void deprecatedFlatPromptAndCompletionGiveTheSameExchange() throws IOException {
        CollectingSink sink = importFlatFixture("otel_genai_deprecated_client_span_tool_calls.json", "chat gpt-4");
        assertWeatherExchange(sink);
    }

    /** Weather in Paris: user asks, assistant calls get_weather(location=Paris) as 1234, tool says rainy, 57°F. */
    private static void assertWeatherExchange(CollectingSink sink) {
        assertTrue(sink.quarantined.isEmpty());
        Event call = sink.ofKind(EventKind.MODEL_CALL).getFirst();
        assertEquals(97L, call.inputTokens());
        assertEquals(52L, call.outputTokens());
        assertEquals("openai", call.provider());
        JsonNode payload = OtlpFixture.json(call.payloadJson());
        JsonNode messages = payload.get("messages");
        assertEquals(3, messages.size(), call.payloadJson());
        assertEquals("user", messages.get(0).get("role").asText());
        assertEquals("Weather in Paris?", messages.get(0).get("content").asText());
        JsonNode toolCall = messages.get(1).get("tool_calls").get(0);
        assertEquals("get_weather", toolCall.get("name").asText());
        assertEquals("1234", toolCall.get("id").asText());
        assertEquals("Paris", toolCall.get("arguments").get("location").asText(), "arguments parsed into an object");
        assertEquals("tool", messages.get(2).get("role").asText());
        assertEquals("1234", messages.get(2).get("tool_call_id").asText());
        assertEquals("rainy, 57°F", messages.get(2).get("content").asText());

        assertEquals("Weather in Paris?", sink.ofKind(EventKind.USER_MESSAGE).getFirst().text());
        Event toolResult = sink.ofKind(EventKind.TOOL_RESULT).getFirst();
        assertEquals(Trust.TOOL_OUTPUT, toolResult.trust());
        assertEquals("1234", toolResult.toolCallId());
        assertEquals("The weather in Paris is currently rainy with a temperature of 57°F.",
                sink.byDedupKey("span:0af7651916cd43dd8448eb211c80319c:b7ad6b7169203331:response").text());
    }

    @Test
    void toolExecutionSpanBecomesCallAndResult() throws IOException {
        CollectingSink sink = importFlatFixture("otel_genai_tool_execution_span.json", "execute_tool get_weather");
        Event call = sink.toolCallOf("b7ad6b7169203331");
        assertEquals(EventKind.TOOL_CALL, call.kind());
        assertEquals("get_weather", call.toolName());
        assertEquals("1234", call.toolCallId());
        assertEquals("New York", OtlpFixture.json(call.payloadJson()).get("arguments").get("city").asText());
        Event result = sink.byDedupKey("span:0af7651916cd43dd8448eb211c80319c:b7ad6b7169203331:tool_result");
        assertEquals(EventKind.TOOL_RESULT, result.kind());
        assertEquals(Trust.TOOL_OUTPUT, result.trust());
        assertTrue(result.text().contains("The weather in New York is sunny"));
        assertFalse(OtlpFixture.json(result.payloadJson()).get("is_error").asBoolean());
    }
}
