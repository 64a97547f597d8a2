package dev.tracehound.replay.wire;

import static dev.tracehound.replay.Fixtures.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.replay.Fixtures;
import dev.tracehound.replay.Json;
import dev.tracehound.replay.compare.JsonDiff;
import dev.tracehound.timeline.context.ContextPart;
import dev.tracehound.timeline.context.ModelContext;
import dev.tracehound.timeline.event.Trust;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WireRoundTripTest {

    /** Two parallel tool calls with results, then a follow-up: the shape that breaks naive converters. */
    static ModelContext agentContext() {
        List<ContextPart> input = List.of(
                new ContextPart("system", "You're a helpful assistant.", List.of(), null, null, Trust.SYSTEM, "e0"),
                new ContextPart("user", "What's the weather in Seattle and San Francisco today?", List.of(), null, null, Trust.USER, "e1"),
                new ContextPart("assistant", "Let me check.", List.of(
                        call("call_A", "get_current_weather", "{\"location\": \"Seattle, WA\"}"),
                        call("call_B", "get_current_weather", "{\"location\": \"San Francisco, CA\"}")), null, null, Trust.MODEL, "e2"),
                new ContextPart("tool", "50 degrees and raining", List.of(), "call_A", null, Trust.TOOL_OUTPUT, "e3"),
                new ContextPart("tool", "70 degrees and sunny", List.of(), "call_B", null, Trust.TOOL_OUTPUT, "e4"),
                new ContextPart("user", "And tomorrow?", List.of(), null, null, Trust.USER, "e5"));
        return new ModelContext("call-1", "s", "openai", "gpt-4o-mini", input,
                List.of(new dev.tracehound.timeline.context.ToolSpec("get_current_weather", "Get the current weather",
                        "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}},\"required\":[\"location\"]}")),
                Map.of("temperature", 0.2), List.of());
    }

    static WireFormat format(String kind) {
        return dev.tracehound.replay.endpoint.EndpointKind.parse(kind).format();
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "ollama"})
    void toolsCallsAndResultsSurviveTheRoundTrip(String kind) {
        ModelContext original = agentContext();
        WireRequest request = format(kind).build(original, "m", new Sampling(null, 0.9, 7L, 100), false);
        ModelContext back = format(kind).readRequest(request.body());

        List<ContextPart> parts = back.input();
        assertEquals(List.of("system", "user", "assistant", "tool", "tool", "user"), parts.stream().map(ContextPart::role).toList(),
                kind + ": " + new String(request.body(), StandardCharsets.UTF_8));
        ContextPart assistant = parts.get(2);
        assertEquals("Let me check.", assistant.text());
        assertEquals(List.of("call_A", "call_B"), assistant.toolCalls().stream().map(ContextPart.ToolCall::id).toList());
        assertEquals(List.of("get_current_weather", "get_current_weather"), assistant.toolCalls().stream().map(ContextPart.ToolCall::name).toList());
        assertTrue(JsonDiff.alike("{\"location\":\"Seattle, WA\"}", assistant.toolCalls().get(0).argumentsJson()));
        assertTrue(JsonDiff.alike("{\"location\":\"San Francisco, CA\"}", assistant.toolCalls().get(1).argumentsJson()));
        assertEquals("call_A", parts.get(3).toolCallId());
        assertEquals("50 degrees and raining", parts.get(3).text());
        assertEquals("call_B", parts.get(4).toolCallId());
        assertEquals("70 degrees and sunny", parts.get(4).text());
        assertEquals("get_current_weather", back.tools().getFirst().name());
        assertTrue(JsonDiff.alike(original.tools().getFirst().parametersJson(), back.tools().getFirst().parametersJson()));
        assertEquals(0.2, ((Number) back.params().get("temperature")).doubleValue(), 1e-9, "recorded temperature is kept");
        assertEquals(0.9, ((Number) back.params().get("top_p")).doubleValue(), 1e-9, "plan's top_p wins");
    }

    @Test
    void anthropicPutsSystemOnTopAndGroupsToolResultsInOneUserTurn() {
        JsonNode body = Json.parse(new String(new AnthropicMessagesFormat().build(agentContext(), "claude", Sampling.DEFAULTS, true).body(), StandardCharsets.UTF_8));
        assertEquals("You're a helpful assistant.", body.get("system").asText());
        assertEquals(1024, body.get("max_tokens").asInt(), "max_tokens is required by the API and defaulted");
        assertTrue(body.get("stream").asBoolean());
        JsonNode messages = body.get("messages");
        assertEquals(List.of("user", "assistant", "user"), List.of(messages.get(0).get("role").asText(), messages.get(1).get("role").asText(), messages.get(2).get("role").asText()));
        JsonNode toolUse = messages.get(1).get("content").get(1);
        assertEquals("tool_use", toolUse.get("type").asText());
        assertEquals("Seattle, WA", toolUse.get("input").get("location").asText(), "input is an object, not a string");
        JsonNode results = messages.get(2).get("content");
        assertEquals("tool_result", results.get(0).get("type").asText());
        assertEquals("call_B", results.get(1).get("tool_use_id").asText());
        assertEquals("text", results.get(2).get("type").asText(), "the follow-up question joins the same user turn");
        assertEquals("object", body.get("tools").get(0).get("input_schema").get("type").asText());
    }

    @Test
    void ollamaSendsArgumentsAsObjectsOptionsAndExplicitStream() {
        JsonNode body = Json.parse(new String(new OllamaChatFormat().build(agentContext(), "llama3.2", new Sampling(0.5, null, 42L, 64), false).body(), StandardCharsets.UTF_8));
        assertFalse(body.get("stream").asBoolean(), "Ollama streams unless told not to");
        JsonNode call = body.get("messages").get(2).get("tool_calls").get(0);
        assertTrue(call.get("function").get("arguments").isObject());
        assertEquals("get_current_weather", body.get("messages").get(3).get("tool_name").asText(), "tool name found from the call id");
        assertEquals(42, body.get("options").get("seed").asInt());
        assertEquals(64, body.get("options").get("num_predict").asInt());
        assertEquals(0.5, body.get("options").get("temperature").asDouble());
    }

    @Test
    void openAiRequestMatchesTheRecordedRequestOfTheCassette() {
        // The second interaction of the real cassette carries tool calls and their results; building the same
        // context must give the same messages the OpenAI SDK sent.
        JsonNode recorded = Json.parse(Fixtures.cassette("otelcontrib_test_chat_completion_tool_calls_with_content.yaml").get(1).get("request").get("body").asText());
        List<ContextPart> input = List.of(
                new ContextPart("system", "You're a helpful assistant.", List.of(), null, null, Trust.SYSTEM, null),
                new ContextPart("user", "What's the weather in Seattle and San Francisco today?", List.of(), null, null, Trust.USER, null),
                new ContextPart("assistant", "", List.of(
                        call("call_JpNb8OiAkbIbHzDggfpdDHpi", "get_current_weather", "{\"location\": \"Seattle, WA\"}"),
                        call("call_vaFQc3zK6hHTRZKXRI5Eo2cJ", "get_current_weather", "{\"location\": \"San Francisco, CA\"}")), null, null, Trust.MODEL, null),
                new ContextPart("tool", "50 degrees and raining", List.of(), "call_JpNb8OiAkbIbHzDggfpdDHpi", null, Trust.TOOL_OUTPUT, null),
                new ContextPart("tool", "70 degrees and sunny", List.of(), "call_vaFQc3zK6hHTRZKXRI5Eo2cJ", null, Trust.TOOL_OUTPUT, null));
        ModelContext ctx = new ModelContext("x", "s", "openai", "gpt-4o-mini", input, List.of(), Map.of(), List.of());
        JsonNode built = Json.parse(new String(new OpenAiChatFormat().build(ctx, "gpt-4o-mini", Sampling.DEFAULTS, false).body(), StandardCharsets.UTF_8));
        // The SDK leaves out null content; ours sends it explicitly as null, which JsonDiff treats as absent.
        assertEquals(List.of(), JsonDiff.diff(recorded.get("messages"), built.get("messages")));
        assertEquals("gpt-4o-mini", built.get("model").asText());
    }
}
