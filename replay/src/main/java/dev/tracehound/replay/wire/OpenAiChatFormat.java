package dev.tracehound.replay.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.replay.Json;
import dev.tracehound.timeline.context.ContextPart;
import dev.tracehound.timeline.context.ModelContext;
import dev.tracehound.timeline.context.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * OpenAI Chat Completions ({@code POST {base}/chat/completions}), which vLLM, llama.cpp server, LM Studio and
 * Ollama's {@code /v1} also speak. Streaming is SSE with {@code data: [DONE]} at the end.
 */
public final class OpenAiChatFormat implements WireFormat {

    /** Tool call ids always sent (null included), arguments as a JSON string, null content when only tools were called. */
    private static final ChatMessages.Dialect DIALECT = new ChatMessages.Dialect() {
        @Override
        public void toolResult(ObjectNode message, ContextPart part) {
            message.put("tool_call_id", part.toolCallId()).put("content", part.text());
        }

        @Override
        public void assistantContent(ObjectNode message, ContextPart part) {
            if (part.text().isEmpty() && !part.toolCalls().isEmpty()) message.putNull("content");
            else message.put("content", part.text());
        }

        @Override
        public void toolCall(ObjectNode call, ContextPart.ToolCall c) {
            call.put("id", c.id()).put("type", "function");
            call.putObject("function").put("name", c.name())
                    .put("arguments", c.argumentsJson() == null ? "{}" : c.argumentsJson());
        }
    };

    @Override
    public WireRequest build(ModelContext context, String model, Sampling sampling, boolean stream) {
        RequestParams params = RequestParams.of(context, sampling);
        ObjectNode root = Json.object();
        root.put("model", model);
        ChatMessages.write(root, context.input(), DIALECT);
        putTools(root, context.tools());
        if (params.temperature() != null) root.put("temperature", params.temperature());
        if (params.topP() != null) root.put("top_p", params.topP());
        if (params.seed() != null) root.put("seed", params.seed());
        if (params.maxTokens() != null) root.put("max_tokens", params.maxTokens());
        if (stream) {
            root.put("stream", true);
            root.putObject("stream_options").put("include_usage", true);
        }
        return new WireRequest("/chat/completions", Json.bytes(root), Map.of("content-type", "application/json"), stream);
    }

    static JsonNode schema(String parametersJson) {
        JsonNode s = Json.parseLenient(parametersJson);
        return s.isObject() ? s : Json.object().put("type", "object");
    }

    @Override
    public ModelReply parse(byte[] body) {
        JsonNode root = WireJson.read(body, "OpenAI chat completion");
        WireJson.failOnError(root, this, body);
        JsonNode choice = root.path("choices").path(0);
        if (choice.isMissingNode()) throw new ReplyParseException("OpenAI response has no choices[0]");
        JsonNode msg = choice.path("message");
        List<ReplyToolCall> calls = new ArrayList<>();
        for (JsonNode c : msg.path("tool_calls")) {
            JsonNode fn = c.path("function");
            calls.add(new ReplyToolCall(Json.text(c, "id"), Json.text(fn, "name"), argumentsText(fn.get("arguments"))));
        }
        boolean refusal = msg.hasNonNull("refusal") && !msg.get("refusal").asText().isBlank();
        String text = msg.hasNonNull("content") ? msg.get("content").asText() : (refusal ? msg.get("refusal").asText() : "");
        return new ModelReply(text, calls, Json.text(choice, "finish_reason"), usage(root.get("usage")),
                Json.text(root, "model"), refusal);
    }

    /** Tool call arguments as JSON text, whether a reply sent them as a string or as an object. */
    static String argumentsText(JsonNode args) {
        if (args == null || args.isNull()) return "{}";
        return args.isTextual() ? args.asText() : args.toString();
    }

    private static Usage usage(JsonNode u) {
        if (u == null || u.isNull()) return Usage.NONE;
        return new Usage(Json.number(u, "prompt_tokens"), Json.number(u, "completion_tokens"));
    }

    @Override
    public ModelReply parseStream(byte[] body) {
        StringBuilder text = new StringBuilder();
        StringBuilder refusalText = new StringBuilder();
        Map<Integer, String[]> calls = new TreeMap<>(); // index -> {id, name, arguments}
        String finish = null;
        String model = null;
        Usage usage = Usage.NONE;
        boolean sawDone = false;
        int chunks = 0;
        for (SseEvents.SseEvent e : SseEvents.read(body)) {
            if (e.data().strip().equals("[DONE]")) {
                sawDone = true;
                break;
            }
            JsonNode chunk = WireJson.read(e.data(), "OpenAI stream chunk");
            WireJson.failOnError(chunk, this, e.data().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            chunks++;
            if (chunk.hasNonNull("model")) model = chunk.get("model").asText();
            if (chunk.hasNonNull("usage")) usage = usage(chunk.get("usage"));
            JsonNode choice = chunk.path("choices").path(0);
            if (choice.isMissingNode()) continue;
            JsonNode delta = choice.path("delta");
            if (delta.hasNonNull("content")) text.append(delta.get("content").asText());
            if (delta.hasNonNull("refusal")) refusalText.append(delta.get("refusal").asText());
            for (JsonNode c : delta.path("tool_calls")) {
                int index = c.path("index").asInt(calls.size());
                String[] acc = calls.computeIfAbsent(index, i -> new String[] {null, null, ""});
                if (c.hasNonNull("id")) acc[0] = c.get("id").asText();
                JsonNode fn = c.path("function");
                if (fn.hasNonNull("name")) acc[1] = fn.get("name").asText();
                if (fn.hasNonNull("arguments")) acc[2] += fn.get("arguments").asText();
            }
            if (choice.hasNonNull("finish_reason")) finish = choice.get("finish_reason").asText();
        }
        if (chunks == 0) throw new ReplyParseException("OpenAI stream had no data chunks" + (sawDone ? " before [DONE]" : ""));
        List<ReplyToolCall> out = new ArrayList<>();
        calls.values().forEach(a -> out.add(new ReplyToolCall(a[0], a[1], a[2].isEmpty() ? "{}" : a[2])));
        boolean refusal = !refusalText.isEmpty();
        String t = text.isEmpty() && refusal ? refusalText.toString() : text.toString();
        return new ModelReply(t, out, finish, usage, model, refusal);
    }

    @Override
    public ModelContext readRequest(byte[] body) {
        JsonNode root = WireJson.read(body, "OpenAI request");
        List<ContextPart> parts = new ArrayList<>();
        for (JsonNode m : root.path("messages")) {
            String role = Json.text(m, "role");
            List<ContextPart.ToolCall> calls = new ArrayList<>();
            for (JsonNode c : m.path("tool_calls")) {
                JsonNode fn = c.path("function");
                calls.add(new ContextPart.ToolCall(Json.text(c, "id"), Json.text(fn, "name"), argumentsText(fn.get("arguments"))));
            }
            parts.add(new ContextPart(role, Json.text(m, "content"), calls, Json.text(m, "tool_call_id"), Json.text(m, "name"), null, null));
        }
        List<ToolSpec> tools = readTools(root);
        return new ModelContext(null, null, "openai", Json.text(root, "model"), parts, tools,
                WireJson.params(root, "temperature", "top_p", "seed", "max_tokens"), List.of());
    }

    /** The {@code tools} array in the function-calling shape OpenAI and Ollama share; absent when there are none. */
    static void putTools(ObjectNode root, List<ToolSpec> specs) {
        if (specs.isEmpty()) return;
        ArrayNode tools = root.putArray("tools");
        for (ToolSpec t : specs) {
            ObjectNode fn = tools.addObject().put("type", "function").putObject("function");
            fn.put("name", t.name());
            if (t.description() != null) fn.put("description", t.description());
            fn.set("parameters", schema(t.parametersJson()));
        }
    }

    /** Reads back the {@code tools} array {@link #putTools} writes. */
    static List<ToolSpec> readTools(JsonNode root) {
        List<ToolSpec> tools = new ArrayList<>();
        for (JsonNode t : root.path("tools")) {
            JsonNode fn = t.path("function");
            tools.add(new ToolSpec(Json.text(fn, "name"), Json.text(fn, "description"), fn.path("parameters").toString()));
        }
        return tools;
    }
}
