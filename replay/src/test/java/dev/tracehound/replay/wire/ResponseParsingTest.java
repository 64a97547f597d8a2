package dev.tracehound.replay.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.replay.Fixtures;
import dev.tracehound.replay.compare.JsonDiff;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseParsingTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anthropicDocumentedToolUseResponse() {
        ModelReply r = new AnthropicMessagesFormat().parse(bytes(Fixtures.resource("provider-docs/anthropic-tool-use.json")));
        assertEquals("tool_use", r.finishReason());
        assertEquals("claude-3-5-sonnet-20241022", r.modelId());
        assertEquals(1, r.toolCalls().size());
        assertEquals("toolu_01A09q90qw90lq917835lq9", r.toolCalls().getFirst().id());
        assertEquals("get_weather", r.toolCalls().getFirst().name());
        assertTrue(JsonDiff.alike("{\"unit\":\"celsius\",\"location\":\"San Francisco, CA\"}", r.toolCalls().getFirst().argumentsJson()));
        assertTrue(r.text().startsWith("<thinking>"));
        assertEquals(384L, r.usage().inputTokens());
        assertEquals(92L, r.usage().outputTokens());
    }

    @Test
    void anthropicDocumentedToolUseStreamJoinsPartialJson() {
        ModelReply r = new AnthropicMessagesFormat().parseStream(bytes(Fixtures.resource("provider-docs/anthropic-tool-use-stream.sse")));
        assertEquals("Okay, let's check the weather for San Francisco, CA:", r.text());
        assertEquals("toolu_01T1x1fJ34qAmk2tNTrN7Up6", r.toolCalls().getFirst().id());
        assertTrue(JsonDiff.alike("{\"location\":\"San Francisco, CA\",\"unit\":\"fahrenheit\"}", r.toolCalls().getFirst().argumentsJson()));
        assertEquals("tool_use", r.finishReason());
        assertEquals(472L, r.usage().inputTokens());
        assertEquals(89L, r.usage().outputTokens());
        assertEquals("claude-3-haiku-20240307", r.modelId());
    }

    @Test
    void ollamaDocumentedToolCallResponse() {
        ModelReply r = new OllamaChatFormat().parse(bytes(Fixtures.resource("provider-docs/ollama-tool-call.json")));
        assertEquals("get_current_weather", r.toolCalls().getFirst().name());
        assertTrue(JsonDiff.alike("{\"location\":\"Paris, FR\",\"format\":\"celsius\"}", r.toolCalls().getFirst().argumentsJson()));
        assertEquals(122L, r.usage().inputTokens());
        assertEquals(33L, r.usage().outputTokens());
        assertEquals("llama3.2", r.modelId());
        assertEquals("stop", r.finishReason());
    }

    @Test
    void ollamaDocumentedStreamIsJoined() {
        ModelReply r = new OllamaChatFormat().parseStream(bytes(Fixtures.resource("provider-docs/ollama-stream.ndjson")));
        assertEquals("The sky is blue because of Rayleigh scattering.", r.text());
        assertEquals(26L, r.usage().inputTokens());
        assertEquals(282L, r.usage().outputTokens());
    }

    @Test
    void openAiStreamWithToolCallFragmentsAndUsageChunk() {
        String sse = """
                data: {"id":"c1","object":"chat.completion.chunk","model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"send_email","arguments":""}}]},"finish_reason":null}]}

                data: {"id":"c1","object":"chat.completion.chunk","model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"to\\": \\"a@b"}}]},"finish_reason":null}]}

                data: {"id":"c1","object":"chat.completion.chunk","model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":".example\\"}"}}]},"finish_reason":null}]}

                data: {"id":"c1","object":"chat.completion.chunk","model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}

                data: {"id":"c1","object":"chat.completion.chunk","model":"gpt-4o-mini-2024-07-18","choices":[],"usage":{"prompt_tokens":80,"completion_tokens":20,"total_tokens":100}}

                data: [DONE]

                """;
        ModelReply r = new OpenAiChatFormat().parseStream(bytes(sse));
        assertEquals("send_email", r.toolCalls().getFirst().name());
        assertTrue(JsonDiff.alike("{\"to\":\"a@b.example\"}", r.toolCalls().getFirst().argumentsJson()));
        assertEquals("tool_calls", r.finishReason());
        assertEquals(80L, r.usage().inputTokens());
        assertFalse(r.refusal());
    }

    @Test
    void openAiRefusalFieldSetsTheFlag() {
        ModelReply r = new OpenAiChatFormat().parse(bytes("""
                {"model":"gpt-4o","choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":"I'm sorry, I can't help with that."},"finish_reason":"stop"}]}
                """));
        assertTrue(r.refusal());
        assertEquals("I'm sorry, I can't help with that.", r.text());
    }

    @Test
    void malformedAndEmptyBodiesGiveClearMessages() {
        var e1 = assertThrows(ReplyParseException.class, () -> new OpenAiChatFormat().parse(bytes("{\"choices\": [")));
        assertTrue(e1.getMessage().startsWith("malformed JSON in OpenAI chat completion"), e1.getMessage());
        var e2 = assertThrows(ReplyParseException.class, () -> new AnthropicMessagesFormat().parse(new byte[0]));
        assertTrue(e2.getMessage().contains("empty body"), e2.getMessage());
        var e3 = assertThrows(ReplyParseException.class, () -> new OllamaChatFormat().parse(bytes("{\"error\":\"model 'x' not found\"}")));
        assertEquals("provider returned an error: model 'x' not found", e3.getMessage());
        var e4 = assertThrows(ReplyParseException.class, () -> new OpenAiChatFormat().parseStream(bytes("data: [DONE]\n\n")));
        assertTrue(e4.getMessage().contains("no data chunks"));
    }
}
