package dev.tracehound.replay.wire;

import static dev.tracehound.replay.Fixtures.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tracehound.replay.Fixtures;
import dev.tracehound.timeline.context.ContextPart;
import dev.tracehound.timeline.context.ModelContext;
import dev.tracehound.timeline.context.ToolSpec;
import dev.tracehound.timeline.event.Trust;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact bytes the OpenAI and Ollama chat formats send. The expected files were written by the request
 * builders before they shared one message loop, so any change to the wire (field order, null handling,
 * argument encoding) shows up here, not at a provider.
 */
class ChatRequestGoldenTest {

    /** Every role and the edge cases of each: empty assistant text, missing call ids, arguments that are not JSON. */
    static ModelContext everyRole() {
        List<ContextPart> input = List.of(
                new ContextPart("developer", "Developer rules.", List.of(), null, null, Trust.SYSTEM, "e0"),
                new ContextPart("system", "You're a helpful assistant.", List.of(), null, null, Trust.SYSTEM, "e1"),
                new ContextPart("user", "Say \"hi\" <b>twice</b>\nthen stop — «ok» ✓", List.of(), null, null, Trust.USER, "e2"),
                new ContextPart("document", "Retrieved: " + Fixtures.INJECTION, List.of(), null, null, Trust.RETRIEVED_DOCUMENT, "e3"),
                new ContextPart("assistant", "Let me check.", List.of(
                        call("call_A", "get_current_weather", "{\"location\": \"Seattle, WA\", \"days\": 2}"),
                        call("call_B", "search_docs", "{\"q\":\"refund\"}")), null, null, Trust.MODEL, "e4"),
                new ContextPart("tool", "50 degrees and raining", List.of(), "call_A", null, Trust.TOOL_OUTPUT, "e5"),
                new ContextPart("tool", "Refunds within 30 days.", List.of(), "call_B", "search_docs", Trust.TOOL_OUTPUT, "e6"),
                new ContextPart("assistant", "", List.of(
                        call(null, "get_current_weather", null),
                        call("call_C", "search_docs", "not json at all")), null, null, Trust.MODEL, "e7"),
                new ContextPart("function", "orphan result", List.of(), null, null, Trust.TOOL_OUTPUT, "e8"),
                new ContextPart("tool_result", "{\"ok\":true}", List.of(), "call_C", null, Trust.TOOL_OUTPUT, "e9"),
                new ContextPart("model", "Plain answer.", List.of(), null, null, Trust.MODEL, "e10"),
                new ContextPart("assistant", "", List.of(), null, null, Trust.MODEL, "e11"),
                new ContextPart(null, "And tomorrow?", List.of(), null, null, Trust.USER, "e12"));
        List<ToolSpec> tools = List.of(
                new ToolSpec("get_current_weather", "Get the current weather",
                        "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}},\"required\":[\"location\"]}"),
                new ToolSpec("search_docs", null, "not a schema"));
        return new ModelContext("call-1", "s", "openai", "gpt-4o-mini", input, tools,
                Map.of("temperature", 0.2, "max_completion_tokens", 300), List.of());
    }

    static final Sampling PLAN = new Sampling(0.5, 0.9, 42L, 64);

    @Test
    void openAiRequestIsByteForByteTheGolden() {
        assertBody("golden/openai-chat-request.json", new OpenAiChatFormat().build(everyRole(), "gpt-4o-mini", PLAN, false));
    }

    @Test
    void openAiStreamingRequestWithRecordedParamsIsByteForByteTheGolden() {
        assertBody("golden/openai-chat-request-stream.json", new OpenAiChatFormat().build(everyRole(), "gpt-4o-mini", Sampling.DEFAULTS, true));
    }

    @Test
    void ollamaRequestIsByteForByteTheGolden() {
        assertBody("golden/ollama-chat-request.json", new OllamaChatFormat().build(everyRole(), "llama3.2", PLAN, false));
    }

    @Test
    void ollamaStreamingRequestWithRecordedParamsIsByteForByteTheGolden() {
        assertBody("golden/ollama-chat-request-stream.json", new OllamaChatFormat().build(everyRole(), "llama3.2", Sampling.DEFAULTS, true));
    }

    private static void assertBody(String golden, WireRequest request) {
        // The golden files hold the body on one line followed by a newline, so they stay readable in a diff.
        assertEquals(Fixtures.resource(golden).stripTrailing(), new String(request.body(), StandardCharsets.UTF_8));
    }
}
