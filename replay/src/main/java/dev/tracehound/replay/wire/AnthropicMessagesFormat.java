package dev.tracehound.replay.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.replay.Json;
import dev.tracehound.timeline.context.ContextPart;
import dev.tracehound.timeline.context.ModelContext;
import dev.tracehound.timeline.context.ToolSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Anthropic Messages ({@code POST {base}/v1/messages}): the system prompt is a top-level field, tool calls are
 * {@code tool_use} blocks in assistant turns and their results {@code tool_result} blocks in user turns.
 * Consecutive parts of one role become one message with several blocks, as the API expects turns to alternate.
 * The API has no seed parameter, so a plan's seed is not sent.
 */
public final class AnthropicMessagesFormat implements WireFormat {
    public static final String API_VERSION = "2023-06-01";
    /** max_tokens is required by the API; used when neither the plan nor the recorded call gives one. */
    public static final int DEFAULT_MAX_TOKENS = 1024;

    @Override
    public WireRequest build(ModelContext context, String model, Sampling sampling, boolean stream) {
        RequestParams params = RequestParams.of(context, sampling);
        ObjectNode root = Json.object();
        root.put("model", model);
        root.put("max_tokens", params.maxTokens() != null ? params.maxTokens() : DEFAULT_MAX_TOKENS);
        StringBuilder system = new StringBuilder();
        ArrayNode messages = Json.MAPPER.createArrayNode();
        ObjectNode current = null;
        String currentRole = null;
        for (ContextPart p : context.input()) {
            Roles role = Roles.of(p.role());
            if (role == Roles.SYSTEM) {
                if (!system.isEmpty()) system.append("\n\n");
                system.append(p.text());
                continue;
            }
            String wireRole = role == Roles.ASSISTANT ? "assistant" : "user";
            if (!wireRole.equals(currentRole)) {
                current = messages.addObject().put("role", wireRole);
                current.putArray("content");
                currentRole = wireRole;
            }
            ArrayNode blocks = (ArrayNode) current.get("content");
            switch (role) {
                case TOOL -> blocks.addObject().put("type", "tool_result").put("tool_use_id", p.toolCallId())
                        .put("content", p.text());
                case ASSISTANT -> {
                    if (!p.text().isEmpty()) blocks.addObject().put("type", "text").put("text", p.text());
                    for (ContextPart.ToolCall c : p.toolCalls()) {
                        JsonNode input = Json.parseLenient(c.argumentsJson());
                        ObjectNode use = blocks.addObject().put("type", "tool_use").put("id", c.id()).put("name", c.name());
                        use.set("input", input.isObject() ? input : Json.object().set("input", input));
                    }
                }
                default -> blocks.addObject().put("type", "text").put("text", p.text());
            }
        }
        if (!system.isEmpty()) root.put("system", system.toString());
        // An assistant turn with neither text nor calls would be an empty content array, which the API rejects.
        for (int i = messages.size() - 1; i >= 0; i--) if (messages.get(i).get("content").isEmpty()) messages.remove(i);
        root.set("messages", messages);
        if (!context.tools().isEmpty()) {
            ArrayNode tools = root.putArray("tools");
            for (ToolSpec t : context.tools()) {
                ObjectNode tool = tools.addObject().put("name", t.name());
                if (t.description() != null) tool.put("description", t.description());
                tool.set("input_schema", OpenAiChatFormat.schema(t.parametersJson()));
            }
        }
        if (params.temperature() != null) root.put("temperature", params.temperature());
        if (params.topP() != null) root.put("top_p", params.topP());
        if (stream) root.put("stream", true);
        return new WireRequest("/v1/messages", Json.bytes(root),
                Map.of("content-type", "application/json", "anthropic-version", API_VERSION), stream);
    }

    @Override
    public ModelReply parse(byte[] body) {
        JsonNode root = WireJson.read(body, "Anthropic message");
        WireJson.failOnError(root, this, body);
        if (!root.has("content")) throw new ReplyParseException("Anthropic response has no content array");
        StringBuilder text = new StringBuilder();
        List<ReplyToolCall> calls = new ArrayList<>();
        for (JsonNode b : root.path("content")) {
            switch (b.path("type").asText()) {
                case "text" -> text.append(b.path("text").asText());
                case "tool_use" -> calls.add(new ReplyToolCall(Json.text(b, "id"), Json.text(b, "name"), b.path("input").toString()));
                default -> { /* thinking and server-tool blocks are not part of the observable behaviour compared here */ }
            }
        }
        String stop = Json.text(root, "stop_reason");
        JsonNode u = root.get("usage");
        return new ModelReply(text.toString(), calls, stop,
                new Usage(Json.number(u, "input_tokens"), Json.number(u, "output_tokens")), Json.text(root, "model"),
                "refusal".equals(stop));
    }

    @Override
    public ModelReply parseStream(byte[] body) {
        Map<Integer, String[]> blocks = new TreeMap<>(); // index -> {type, text-or-json, id, name}
        String model = null;
        String stop = null;
        Long in = null;
        Long out = null;
        int events = 0;
        for (SseEvents.SseEvent e : SseEvents.read(body)) {
            JsonNode ev = WireJson.read(e.data(), "Anthropic stream event");
            WireJson.failOnError(ev, this, e.data().getBytes(StandardCharsets.UTF_8));
            events++;
            switch (ev.path("type").asText()) {
                case "message_start" -> {
                    JsonNode m = ev.path("message");
                    model = Json.text(m, "model");
                    in = Json.number(m.path("usage"), "input_tokens");
                    out = Json.number(m.path("usage"), "output_tokens");
                }
                case "content_block_start" -> {
                    JsonNode cb = ev.path("content_block");
                    String type = cb.path("type").asText();
                    String initial = "text".equals(type) ? cb.path("text").asText("") : "";
                    blocks.put(ev.path("index").asInt(), new String[] {type, initial, Json.text(cb, "id"), Json.text(cb, "name")});
                }
                case "content_block_delta" -> {
                    String[] b = blocks.get(ev.path("index").asInt());
                    if (b == null) throw new ReplyParseException("Anthropic stream: delta for a block that never started");
                    JsonNode d = ev.path("delta");
                    switch (d.path("type").asText()) {
                        case "text_delta" -> b[1] += d.path("text").asText();
                        case "input_json_delta" -> b[1] += d.path("partial_json").asText();
                        default -> { }
                    }
                }
                case "message_delta" -> {
                    if (ev.path("delta").hasNonNull("stop_reason")) stop = ev.path("delta").get("stop_reason").asText();
                    Long o = Json.number(ev.path("usage"), "output_tokens");
                    if (o != null) out = o;
                    Long i = Json.number(ev.path("usage"), "input_tokens");
                    if (i != null) in = i;
                }
                default -> { /* ping, content_block_stop, message_stop */ }
            }
        }
        if (events == 0) throw new ReplyParseException("Anthropic stream had no events");
        StringBuilder text = new StringBuilder();
        List<ReplyToolCall> calls = new ArrayList<>();
        for (String[] b : blocks.values()) {
            if ("text".equals(b[0])) text.append(b[1]);
            else if ("tool_use".equals(b[0])) calls.add(new ReplyToolCall(b[2], b[3], b[1].isEmpty() ? "{}" : b[1]));
        }
        return new ModelReply(text.toString(), calls, stop, new Usage(in, out), model, "refusal".equals(stop));
    }

    @Override
    public ModelContext readRequest(byte[] body) {
        JsonNode root = WireJson.read(body, "Anthropic request");
        List<ContextPart> parts = new ArrayList<>();
        JsonNode system = root.get("system");
        if (system != null && system.isTextual()) parts.add(part("system", system.asText(), List.of(), null));
        else if (system != null) for (JsonNode b : system) parts.add(part("system", b.path("text").asText(), List.of(), null));
        for (JsonNode m : root.path("messages")) {
            String role = Json.text(m, "role");
            JsonNode content = m.get("content");
            if (content != null && content.isTextual()) {
                parts.add(part(role, content.asText(), List.of(), null));
                continue;
            }
            StringBuilder text = new StringBuilder();
            List<ContextPart.ToolCall> calls = new ArrayList<>();
            for (JsonNode b : m.path("content")) {
                switch (b.path("type").asText()) {
                    case "text" -> {
                        if ("assistant".equals(role)) text.append(b.path("text").asText());
                        else parts.add(part(role, b.path("text").asText(), List.of(), null));
                    }
                    case "tool_use" -> calls.add(new ContextPart.ToolCall(Json.text(b, "id"), Json.text(b, "name"), b.path("input").toString()));
                    case "tool_result" -> parts.add(part("tool", toolResultText(b.get("content")), List.of(), Json.text(b, "tool_use_id")));
                    default -> { }
                }
            }
            if ("assistant".equals(role)) parts.add(part("assistant", text.toString(), calls, null));
        }
        List<ToolSpec> tools = new ArrayList<>();
        for (JsonNode t : root.path("tools")) {
            tools.add(new ToolSpec(Json.text(t, "name"), Json.text(t, "description"), t.path("input_schema").toString()));
        }
        return new ModelContext(null, null, "anthropic", Json.text(root, "model"), parts, tools,
                WireJson.params(root, "temperature", "top_p", "max_tokens"), List.of());
    }

    private static String toolResultText(JsonNode content) {
        if (content == null || content.isNull()) return "";
        if (content.isTextual()) return content.asText();
        StringBuilder sb = new StringBuilder();
        for (JsonNode b : content) sb.append(b.path("text").asText());
        return sb.toString();
    }

    private static ContextPart part(String role, String text, List<ContextPart.ToolCall> calls, String toolCallId) {
        return new ContextPart(role, text, calls, toolCallId, null, null, null);
    }
}
