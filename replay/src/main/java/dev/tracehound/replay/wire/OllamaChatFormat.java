package dev.tracehound.replay.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.replay.Json;
import dev.tracehound.timeline.context.ContextPart;
import dev.tracehound.timeline.context.ModelContext;
import dev.tracehound.timeline.context.ToolSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ollama's native chat ({@code POST {base}/api/chat}, docs/api.md in ollama/ollama). Tool call arguments are JSON
 * objects, not strings; streaming is newline-delimited JSON and is on by default, so {@code stream} is always sent.
 * Tool messages carry {@code tool_name} (what Ollama reads) and also {@code tool_call_id}, and calls their
 * {@code id}: Ollama ignores fields it does not know, and the ids keep call/result pairs intact in stored requests.
 */
public final class OllamaChatFormat implements WireFormat {

    @Override
    public WireRequest build(ModelContext context, String model, Sampling sampling, boolean stream) {
        RequestParams params = RequestParams.of(context, sampling);
        ObjectNode root = Json.object();
        root.put("model", model);
        ChatMessages.write(root, context.input(), new Dialect(params));
        OpenAiChatFormat.putTools(root, context.tools());
        ObjectNode options = Json.object();
        if (params.temperature() != null) options.put("temperature", params.temperature());
        if (params.topP() != null) options.put("top_p", params.topP());
        if (params.seed() != null) options.put("seed", params.seed());
        if (params.maxTokens() != null) options.put("num_predict", params.maxTokens());
        if (!options.isEmpty()) root.set("options", options);
        root.put("stream", stream);
        return new WireRequest("/api/chat", Json.bytes(root), Map.of("content-type", "application/json"), stream);
    }

    /** Tool results name their tool, ids only when known, arguments as JSON objects, content always text. */
    private record Dialect(RequestParams params) implements ChatMessages.Dialect {
        @Override
        public void toolResult(ObjectNode message, ContextPart part) {
            message.put("content", part.text());
            String name = params.toolName(part);
            if (name != null) message.put("tool_name", name);
            if (part.toolCallId() != null) message.put("tool_call_id", part.toolCallId());
        }

        @Override
        public void assistantContent(ObjectNode message, ContextPart part) {
            message.put("content", part.text());
        }

        @Override
        public void toolCall(ObjectNode call, ContextPart.ToolCall c) {
            if (c.id() != null) call.put("id", c.id());
            call.putObject("function").put("name", c.name()).set("arguments", Json.parseLenient(c.argumentsJson()));
        }
    }

    @Override
    public ModelReply parse(byte[] body) {
        JsonNode root = WireJson.read(body, "Ollama chat response");
        WireJson.failOnError(root, this, body);
        if (!root.has("message")) throw new ReplyParseException("Ollama response has no message");
        Accumulator acc = new Accumulator();
        acc.add(root);
        return acc.reply();
    }

    @Override
    public ModelReply parseStream(byte[] body) {
        Accumulator acc = new Accumulator();
        int lines = 0;
        for (String line : new String(body, StandardCharsets.UTF_8).split("\r?\n")) {
            if (line.isBlank()) continue;
            JsonNode chunk = WireJson.read(line, "Ollama stream line");
            WireJson.failOnError(chunk, this, line.getBytes(StandardCharsets.UTF_8));
            acc.add(chunk);
            lines++;
        }
        if (lines == 0) throw new ReplyParseException("Ollama stream had no lines");
        return acc.reply();
    }

    /** Joins stream chunks (or reads the single non-streamed object) into one reply. */
    private static final class Accumulator {
        final StringBuilder text = new StringBuilder();
        final List<ReplyToolCall> calls = new ArrayList<>();
        String model;
        String doneReason;
        Long in;
        Long out;

        void add(JsonNode chunk) {
            if (chunk.hasNonNull("model")) model = chunk.get("model").asText();
            JsonNode msg = chunk.path("message");
            if (msg.hasNonNull("content")) text.append(msg.get("content").asText());
            for (JsonNode c : msg.path("tool_calls")) {
                JsonNode fn = c.path("function");
                String id = Json.text(c, "id");
                calls.add(new ReplyToolCall(id != null ? id : "call_" + calls.size(), Json.text(fn, "name"),
                        OpenAiChatFormat.argumentsText(fn.get("arguments"))));
            }
            if (chunk.hasNonNull("done_reason")) doneReason = chunk.get("done_reason").asText();
            if (chunk.hasNonNull("prompt_eval_count")) in = chunk.get("prompt_eval_count").asLong();
            if (chunk.hasNonNull("eval_count")) out = chunk.get("eval_count").asLong();
        }

        ModelReply reply() {
            return new ModelReply(text.toString(), calls, doneReason, new Usage(in, out), model, false);
        }
    }

    @Override
    public ModelContext readRequest(byte[] body) {
        JsonNode root = WireJson.read(body, "Ollama request");
        List<ContextPart> parts = new ArrayList<>();
        for (JsonNode m : root.path("messages")) {
            List<ContextPart.ToolCall> calls = new ArrayList<>();
            for (JsonNode c : m.path("tool_calls")) {
                JsonNode fn = c.path("function");
                calls.add(new ContextPart.ToolCall(Json.text(c, "id"), Json.text(fn, "name"), fn.path("arguments").toString()));
            }
            parts.add(new ContextPart(Json.text(m, "role"), Json.text(m, "content"), calls, Json.text(m, "tool_call_id"),
                    Json.text(m, "tool_name"), null, null));
        }
        List<ToolSpec> tools = OpenAiChatFormat.readTools(root);
        JsonNode options = root.path("options");
        return new ModelContext(null, null, "ollama", Json.text(root, "model"), parts, tools,
                options.isObject() ? WireJson.params(options, "temperature", "top_p", "seed", "num_predict") : Map.of(), List.of());
    }
}
