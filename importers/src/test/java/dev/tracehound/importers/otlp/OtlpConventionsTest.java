package dev.tracehound.importers.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.importers.CollectingSink;
import dev.tracehound.importers.ImportFixture;
import dev.tracehound.importers.read.Json;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventFlag;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-written spans for each generation of the GenAI conventions, and the envelope's legal variants. */
class OtlpConventionsTest {
    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    private static CollectingSink read(String text) throws IOException {
        return ImportFixture.importText(new OtlpImporter(), "fixture.json", text);
    }

    /** A span in the current conventions with structured (not string) values, and an execute_tool span. */
    static ObjectNode currentChat(String spanId, String conversation) {
        ObjectNode attrs = OtlpFixture.flat(Map.of(
                "gen_ai.operation.name", "chat",
                "gen_ai.provider.name", "anthropic",
                "gen_ai.request.model", "claude-sonnet-4-5",
                "gen_ai.usage.input_tokens", 45,
                "gen_ai.usage.output_tokens", 12,
                "gen_ai.conversation.id", conversation));
        attrs.set("gen_ai.system_instructions", OtlpFixture.json("[{\"type\":\"text\",\"content\":\"You are a travel agent.\"}]"));
        attrs.set("gen_ai.input.messages", OtlpFixture.json(
                "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather in Paris?\"}]}]"));
        attrs.set("gen_ai.output.messages", OtlpFixture.json("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\","
                + "\"id\":\"call_1\",\"name\":\"get_weather\",\"arguments\":{\"location\":\"Paris\"}}],\"finish_reason\":\"tool_call\"}]"));
        attrs.put("gen_ai.tool.definitions", "[{\"type\":\"function\",\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\"}}]");
        return OtlpFixture.span(TRACE, spanId, "00f067aa0ba902b7", "chat claude-sonnet-4-5", attrs);
    }

    static ObjectNode toolSpan(String spanId) {
        return OtlpFixture.span(TRACE, spanId, "00f067aa0ba902b7", "execute_tool get_weather", OtlpFixture.flat(Map.of(
                "gen_ai.operation.name", "execute_tool",
                "gen_ai.tool.name", "get_weather",
                "gen_ai.tool.call.id", "call_1",
                "gen_ai.tool.call.arguments", "{\"location\":\"Paris\"}",
                "gen_ai.tool.call.result", "rainy, 57°F")));
    }

    @Test
    void currentConventionsWithStructuredValues() throws IOException {
        // The tool span comes first and has no conversation id: the pre-pass still puts it in the conversation.
        CollectingSink sink = read(OtlpFixture.request(toolSpan("a000000000000002"), currentChat("a000000000000001", "conv-42")).toString());
        assertTrue(sink.events.stream().allMatch(e -> "conv-42".equals(e.sessionId())), sink::dump);
        Event call = sink.byDedupKey("span:" + TRACE + ":a000000000000001:call");
        assertEquals(45L, call.inputTokens());
        assertEquals(12L, call.outputTokens());
        assertEquals("anthropic", call.provider());
        JsonNode payload = OtlpFixture.json(call.payloadJson());
        assertEquals("system", payload.get("messages").get(0).get("role").asText());
        assertEquals("You are a travel agent.", payload.get("messages").get(0).get("content").asText());
        assertEquals("get_weather", payload.get("tools").get(0).get("name").asText());
        assertEquals("claude-sonnet-4-5", payload.get("params").get("model").asText());
        Event system = sink.ofKind(EventKind.SYSTEM_PROMPT).getFirst();
        assertEquals(Trust.SYSTEM, system.trust());
        Event modelToolCall = sink.toolCallOf("a000000000000001");
        assertEquals("get_weather", modelToolCall.toolName());
        assertEquals("call_1", modelToolCall.toolCallId());
        assertEquals("a000000000000001", modelToolCall.parentId());
        Event result = sink.byDedupKey("span:" + TRACE + ":a000000000000002:tool_result");
        assertEquals("rainy, 57°F", result.text());
        assertEquals("call_1", result.toolCallId());
        assertEquals(0, sink.events.stream().filter(e -> e.sequence() == 0).count() - 1, "sequence counts per session from 0");
    }

    @Test
    void chatHistoryRepeatedInTwoCallsGivesTheSameMessageKeys() throws IOException {
        CollectingSink sink = read(OtlpFixture.request(currentChat("a000000000000001", "conv-7"), currentChat("a000000000000003", "conv-7")).toString());
        var users = sink.ofKind(EventKind.USER_MESSAGE);
        assertEquals(2, users.size());
        assertEquals(users.get(0).dedupKey(), users.get(1).dedupKey(), "one message, seen twice, one key");
        assertTrue(users.get(0).dedupKey().startsWith("msg:conv-7:"));
    }

    @Test
    void deprecatedPerMessageEvents() throws IOException {
        ObjectNode span = OtlpFixture.span(TRACE, "b000000000000001", null, "chat gpt-4o", OtlpFixture.flat(Map.of(
                "gen_ai.system", "openai", "gen_ai.request.model", "gpt-4o", "gen_ai.usage.prompt_tokens", 20, "gen_ai.usage.completion_tokens", 7)));
        ArrayNode events = span.putArray("events");
        events.add(event("gen_ai.system.message", Map.of("content", "Be brief.")));
        events.add(event("gen_ai.user.message", Map.of("content", "Delete my files")));
        events.add(event("gen_ai.tool.message", Map.of("content", "done", "id", "call_9")));
        events.add(event("gen_ai.choice", Map.of("index", 0, "finish_reason", "tool_calls",
                "message", "{\"content\":\"\",\"tool_calls\":[{\"id\":\"call_10\",\"type\":\"function\",\"function\":{\"name\":\"rm\",\"arguments\":\"{\\\"path\\\":\\\"/\\\"}\"}}]}")));
        CollectingSink sink = read(OtlpFixture.request(span).toString());
        Event call = sink.byDedupKey("span:" + TRACE + ":b000000000000001:call");
        assertEquals(20L, call.inputTokens());
        assertEquals(7L, call.outputTokens());
        assertEquals("openai", call.provider(), "the older gen_ai.system names the provider");
        assertEquals("Be brief.", sink.ofKind(EventKind.SYSTEM_PROMPT).getFirst().text());
        assertEquals("Delete my files", sink.ofKind(EventKind.USER_MESSAGE).getFirst().text());
        assertEquals("call_9", sink.ofKind(EventKind.TOOL_RESULT).getFirst().toolCallId());
        Event rm = sink.toolCallOf("b000000000000001");
        assertEquals("rm", rm.toolName());
        assertEquals("/", OtlpFixture.json(rm.payloadJson()).get("arguments").get("path").asText());
        assertTrue(sink.byDedupKey("span:" + TRACE + ":b000000000000001:response").payloadJson().contains("\"finish_reason\":\"tool_calls\""));
    }

    private static ObjectNode event(String name, Map<String, ?> attributes) {
        ObjectNode e = Json.object();
        e.put("name", name);
        e.put("timeUnixNano", 1760000000500000000L);
        e.set("attributes", OtlpFixture.attributes(OtlpFixture.flat(attributes)));
        return e;
    }

    @Test
    void openLlmetryIndexedAttributes() throws IOException {
        CollectingSink sink = read(OtlpFixture.request(OtlpFixture.span(TRACE, "c000000000000001", null, "openai.chat",
                OtlpFixture.json("""
                        {"llm.request.type": "chat", "gen_ai.system": "OpenAI", "gen_ai.request.model": "gpt-4o-mini",
                         "gen_ai.prompt.0.role": "system", "gen_ai.prompt.0.content": "You book flights.",
                         "gen_ai.prompt.1.role": "user", "gen_ai.prompt.1.content": "Book me to Oslo",
                         "gen_ai.completion.0.role": "assistant", "gen_ai.completion.0.finish_reason": "tool_calls",
                         "gen_ai.completion.0.tool_calls.0.id": "call_x",
                         "gen_ai.completion.0.tool_calls.0.name": "book_flight",
                         "gen_ai.completion.0.tool_calls.0.arguments": "{\\"to\\":\\"OSL\\"}",
                         "llm.usage.total_tokens": 30, "gen_ai.usage.prompt_tokens": 21}
                        """))).toString());
        Event call = sink.byDedupKey("span:" + TRACE + ":c000000000000001:call");
        assertEquals(21L, call.inputTokens());
        assertEquals("openai", call.provider(), "provider names are lower-cased");
        assertEquals("You book flights.", sink.ofKind(EventKind.SYSTEM_PROMPT).getFirst().text());
        assertEquals("Book me to Oslo", sink.ofKind(EventKind.USER_MESSAGE).getFirst().text());
        Event booking = sink.toolCallOf("c000000000000001");
        assertEquals("book_flight", booking.toolName());
        assertEquals("OSL", OtlpFixture.json(booking.payloadJson()).get("arguments").get("to").asText());
    }

    @Test
    void chatSpanWithoutContentIsFlaggedAndWarned() throws IOException {
        CollectingSink sink = read(OtlpFixture.request(OtlpFixture.span(TRACE, "d000000000000001", null, "chat gpt-4o",
                OtlpFixture.flat(Map.of("gen_ai.operation.name", "chat", "gen_ai.request.model", "gpt-4o",
                        "gen_ai.usage.input_tokens", 100, "gen_ai.usage.output_tokens", 5)))).toString());
        Event call = sink.byDedupKey("span:" + TRACE + ":d000000000000001:call");
        assertTrue(call.has(EventFlag.CONTENT_NOT_CAPTURED));
        assertEquals(100L, call.inputTokens());
        assertEquals(1, sink.warningCount("content-not-captured"));
        assertTrue(sink.ofKind(EventKind.MODEL_RESPONSE).isEmpty());
    }

    @Test
    void errorStatusGivesAnErrorEvent() throws IOException {
        ObjectNode span = toolSpan("e000000000000001");
        span.putObject("status").put("code", 2).put("message", "permission denied: /etc/shadow");
        CollectingSink sink = read(OtlpFixture.request(span).toString());
        Event error = sink.byDedupKey("span:" + TRACE + ":e000000000000001:error");
        assertEquals(EventKind.ERROR, error.kind());
        assertEquals("permission denied: /etc/shadow", error.text());
        assertEquals("error", sink.toolCallOf("e000000000000001").status());
    }

    @Test
    void exceptionEventExplainsAnErrorWithoutStatusMessage() throws IOException {
        ObjectNode span = toolSpan("e000000000000002");
        span.putObject("status").put("code", "STATUS_CODE_ERROR");
        span.putArray("events").add(event("exception", Map.of("exception.type", "TimeoutError", "exception.message", "tool timed out")));
        CollectingSink sink = read(OtlpFixture.request(span).toString());
        assertEquals("TimeoutError: tool timed out", sink.byDedupKey("span:" + TRACE + ":e000000000000002:error").text());
    }

    @Test
    void documentArrayAndJsonLinesGiveTheSameEvents() throws IOException {
        ObjectNode r1 = OtlpFixture.request(currentChat("a000000000000001", "conv-1"));
        ObjectNode r2 = OtlpFixture.request(toolSpan("a000000000000002"));
        CollectingSink lines = read(r1 + "\n" + r2 + "\n");
        ArrayNode array = Json.object().arrayNode().add(r1).add(r2);
        CollectingSink arr = read(array.toPrettyString());
        CollectingSink single = read(OtlpFixture.request(currentChat("a000000000000001", "conv-1"), toolSpan("a000000000000002")).toPrettyString());
        var keys = lines.events.stream().map(Event::dedupKey).sorted().toList();
        assertEquals(keys, arr.events.stream().map(Event::dedupKey).sorted().toList());
        assertEquals(keys, single.events.stream().map(Event::dedupKey).sorted().toList());
        assertEquals("line:2/resourceSpans/0/scopeSpans/0/spans/0",
                lines.toolCallOf("a000000000000002").locator());
        assertEquals("/1/resourceSpans/0/scopeSpans/0/spans/0", arr.toolCallOf("a000000000000002").locator());
        assertEquals("/resourceSpans/0/scopeSpans/0/spans/1", single.toolCallOf("a000000000000002").locator());
    }

    @Test
    void base64IdsNumericTimesAndIntegerEnumsReadLikeTheirTextForms() throws IOException {
        ObjectNode hex = toolSpan("a000000000000002");
        ObjectNode b64 = toolSpan("a000000000000002");
        b64.put("traceId", "S/kvNXezTaajzpKdDg5HNg==");
        b64.put("spanId", "oAAAAAAAAAI=");
        b64.put("parentSpanId", "APBnqgupArc=");
        b64.put("startTimeUnixNano", 1760000000000000000L);
        b64.put("endTimeUnixNano", 1760000001000000000L);
        b64.put("kind", 3);
        CollectingSink a = read(OtlpFixture.request(hex).toString());
        CollectingSink b = read(OtlpFixture.request(b64).toString());
        Event ea = a.toolCallOf("a000000000000002");
        Event eb = b.toolCallOf("a000000000000002");
        assertEquals(ea.parentId(), eb.parentId());
        assertEquals("00f067aa0ba902b7", eb.parentId());
        assertEquals(ea.startNanos(), eb.startNanos());
        assertEquals(1760000001000000000L, eb.endNanos());
    }

    @Test
    void badSpansAreQuarantinedAndTheRestImports() throws IOException {
        ObjectNode noIds = toolSpan("a000000000000002");
        noIds.remove("traceId");
        ObjectNode zeroSpan = toolSpan("a000000000000003");
        zeroSpan.put("spanId", "0000000000000000");
        ObjectNode req = OtlpFixture.request(noIds, toolSpan("a000000000000004"), zeroSpan);
        ((ArrayNode) req.get("resourceSpans").get(0).get("scopeSpans").get(0).get("spans")).add("not a span");
        CollectingSink sink = read(req + "\n{ this line is broken\n" + OtlpFixture.request(toolSpan("a000000000000005")) + "\n");
        assertEquals(4, sink.quarantined.size(), sink.quarantined::toString);
        assertEquals("line:1/resourceSpans/0/scopeSpans/0/spans/0", sink.quarantined.get(0).locator());
        assertTrue(sink.quarantined.get(0).reason().contains("traceId"));
        assertTrue(sink.quarantined.get(1).reason().contains("spanId"));
        assertEquals("line:1/resourceSpans/0/scopeSpans/0/spans/3", sink.quarantined.get(2).locator());
        assertEquals("line:2", sink.quarantined.get(3).locator());
        assertEquals(4, sink.ofKind(EventKind.TOOL_CALL).size() + sink.ofKind(EventKind.TOOL_RESULT).size());
    }

    @Test
    void notOtlpAtAllIsAClearError() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> read("{\"resourceSpans\": [ {]"));
        assertTrue(e.getMessage().contains("OTLP/JSON"), e.getMessage());
    }

    @Test
    void spanWithoutTimesGetsInferredTimesAndFlag() throws IOException {
        ObjectNode span = toolSpan("a000000000000006");
        span.remove("startTimeUnixNano");
        span.remove("endTimeUnixNano");
        CollectingSink sink = read(OtlpFixture.request(span).toString());
        assertTrue(sink.events.stream().allMatch(e -> e.has(EventFlag.TIME_INFERRED)));
        assertEquals(1, sink.warningCount("time-inferred"));
    }

    @Test
    void idsNormaliseFromHexAndBase64() {
        assertEquals("5b8efff798038103d269b633813fc60c", OtelIds.normalise("5B8EFFF798038103D269B633813FC60C"));
        assertEquals("b47d761fe79be88aee41342cdd527268", OtelIds.normalise("tH12H+eb6IruQTQs3VJyaA=="));
        assertEquals("ce2a6b26ab4bb25f", OtelIds.normalise("ziprJqtLsl8="));
        assertNull(OtelIds.normalise("00000000000000000000000000000000"));
        assertNull(OtelIds.normalise(""));
        assertNull(OtelIds.normalise("not an id!"));
    }

    /** The Vercel AI SDK's own ai.* attributes: a generateText step, its doGenerate model call and a toolCall. */
    @Test
    void vercelAiSdkSpans() throws IOException {
        ObjectNode step = OtlpFixture.span(TRACE, "f000000000000001", null, "ai.generateText", OtlpFixture.flat(Map.of(
                "ai.operationId", "ai.generateText", "ai.model.provider", "openai.chat", "ai.model.id", "gpt-4o-mini",
                "ai.prompt", "{\"prompt\":\"Where is order 42?\"}")));
        ObjectNode generate = OtlpFixture.span(TRACE, "f000000000000002", "f000000000000001", "ai.generateText.doGenerate", OtlpFixture.json("""
                {"ai.operationId": "ai.generateText.doGenerate", "ai.model.provider": "openai.chat", "ai.model.id": "gpt-4o-mini",
                 "ai.prompt.messages": "[{\\"role\\":\\"system\\",\\"content\\":\\"Use tools.\\"},{\\"role\\":\\"user\\",\\"content\\":[{\\"type\\":\\"text\\",\\"text\\":\\"Where is order 42?\\"}]}]",
                 "ai.prompt.tools": ["{\\"type\\":\\"function\\",\\"name\\":\\"lookup_order\\"}"],
                 "ai.response.text": "",
                 "ai.response.toolCalls": "[{\\"toolCallId\\":\\"call_7\\",\\"toolName\\":\\"lookup_order\\",\\"args\\":{\\"order_id\\":\\"42\\"}}]",
                 "ai.response.finishReason": "tool-calls", "ai.usage.promptTokens": 30, "ai.usage.completionTokens": 8}
                """));
        ObjectNode tool = OtlpFixture.span(TRACE, "f000000000000003", "f000000000000001", "ai.toolCall", OtlpFixture.flat(Map.of(
                "ai.operationId", "ai.toolCall", "ai.toolCall.name", "lookup_order", "ai.toolCall.id", "call_7",
                "ai.toolCall.args", "{\"order_id\":\"42\"}", "ai.toolCall.result", "{\"status\":\"in_transit\"}")));
        CollectingSink sink = read(OtlpFixture.request(step, generate, tool).toString());
        assertTrue(sink.byDedupKey("span:" + TRACE + ":f000000000000001:step").payloadJson().contains("Where is order 42?"));
        Event call = sink.byDedupKey("span:" + TRACE + ":f000000000000002:call");
        assertEquals("openai", call.provider(), "openai.chat names the provider openai");
        assertEquals(30L, call.inputTokens());
        assertEquals(8L, call.outputTokens());
        assertEquals("Use tools.", sink.ofKind(EventKind.SYSTEM_PROMPT).getFirst().text());
        assertEquals("lookup_order", OtlpFixture.json(call.payloadJson()).get("tools").get(0).get("name").asText());
        Event asked = sink.toolCallOf("f000000000000002");
        assertEquals("call_7", asked.toolCallId());
        assertEquals("42", OtlpFixture.json(asked.payloadJson()).get("arguments").get("order_id").asText());
        Event result = sink.byDedupKey("span:" + TRACE + ":f000000000000003:tool_result");
        assertEquals("call_7", result.toolCallId());
        assertTrue(result.text().contains("in_transit"));
        assertTrue(sink.byDedupKey("span:" + TRACE + ":f000000000000002:response").payloadJson().contains("\"finish_reason\":\"tool-calls\""));
    }

    @Test
    void malformedEnvelopeEntriesAreQuarantinedNotSkipped() throws IOException {
        ObjectNode req = OtlpFixture.request(toolSpan("a000000000000007"));
        ((ArrayNode) req.get("resourceSpans")).insert(0, "junk");
        ((ArrayNode) req.get("resourceSpans").get(1).get("scopeSpans")).insert(0, 7);
        CollectingSink sink = read(req.toPrettyString());
        assertEquals(List.of("/resourceSpans/0", "/resourceSpans/1/scopeSpans/0"),
                sink.quarantined.stream().map(CollectingSink.Quarantined::locator).toList());
        assertEquals("/resourceSpans/1/scopeSpans/1/spans/0", sink.toolCallOf("a000000000000007").locator());
    }

    @Test
    void attributesWrittenAsAPlainObjectAreRead() throws IOException {
        ObjectNode span = toolSpan("a000000000000008");
        span.set("attributes", OtlpFixture.json("""
                {"gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": {"stringValue": "get_weather"},
                 "gen_ai.tool.call.id": "call_2", "gen_ai.tool.call.arguments": "{\\"location\\":\\"Oslo\\"}"}
                """));
        CollectingSink sink = read(OtlpFixture.request(span).toString());
        Event call = sink.toolCallOf("a000000000000008");
        assertEquals("get_weather", call.toolName());
        assertEquals("call_2", call.toolCallId());
        assertEquals("Oslo", OtlpFixture.json(call.payloadJson()).get("arguments").get("location").asText());
    }

    @Test
    void inputMessagesWithOtherRolesOrNoContentBecomeEvents() throws IOException {
        ObjectNode attrs = OtlpFixture.flat(Map.of("gen_ai.operation.name", "chat", "gen_ai.request.model", "gpt-4o"));
        attrs.set("gen_ai.input.messages", OtlpFixture.json("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Plan it\"}]},"
                + "{\"role\":\"assistant\",\"parts\":[]},{\"role\":\"planner\",\"parts\":[{\"type\":\"text\",\"content\":\"step 1\"}]},"
                + "{\"role\":\"developer\",\"parts\":[{\"type\":\"text\",\"content\":\"be safe\"}]}]"));
        CollectingSink sink = read(OtlpFixture.request(OtlpFixture.span(TRACE, "e000000000000001", null, "chat gpt-4o", attrs)).toString());
        assertEquals(1, sink.ofKind(EventKind.MODEL_RESPONSE).size(), "the empty assistant turn of the history is kept");
        assertEquals("", sink.ofKind(EventKind.MODEL_RESPONSE).getFirst().text());
        Event planner = sink.ofKind(EventKind.NOTE).getFirst();
        assertEquals("planner", planner.actor());
        assertEquals(Trust.UNKNOWN, planner.trust());
        assertEquals("step 1", planner.text());
        Event developer = sink.ofKind(EventKind.SYSTEM_PROMPT).getFirst();
        assertEquals("developer", developer.actor());
        assertEquals(Trust.SYSTEM, developer.trust());
        Event call = sink.ofKind(EventKind.MODEL_CALL).getFirst();
        assertFalse(call.has(EventFlag.CONTENT_NOT_CAPTURED));
    }

    @Test
    void messagesThatAreAllEmptyStillCountAsContentNotCaptured() throws IOException {
        ObjectNode attrs = OtlpFixture.flat(Map.of("gen_ai.operation.name", "chat", "gen_ai.request.model", "gpt-4o"));
        attrs.set("gen_ai.input.messages", OtlpFixture.json("[{\"role\":\"user\",\"parts\":[]}]"));
        CollectingSink sink = read(OtlpFixture.request(OtlpFixture.span(TRACE, "e000000000000002", null, "chat gpt-4o", attrs)).toString());
        assertTrue(sink.ofKind(EventKind.MODEL_CALL).getFirst().has(EventFlag.CONTENT_NOT_CAPTURED));
        assertEquals(1, sink.ofKind(EventKind.USER_MESSAGE).size(), "the empty message itself is still kept");
    }
}
