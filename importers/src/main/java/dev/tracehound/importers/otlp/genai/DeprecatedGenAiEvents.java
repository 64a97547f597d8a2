package dev.tracehound.importers.otlp.genai;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.importers.chatshape.ChatMessage;
import dev.tracehound.importers.chatshape.ChatMessages;
import dev.tracehound.importers.read.Json;
import java.util.List;
import java.util.Map;

/**
 * The deprecated per-message GenAI events recorded as span events: {@code gen_ai.system.message},
 * {@code gen_ai.user.message}, {@code gen_ai.assistant.message}, {@code gen_ai.tool.message} and
 * {@code gen_ai.choice}, with their body either flattened into attributes ({@code content}, {@code role},
 * {@code tool_calls}, {@code id}, {@code message}), held in a {@code body} or {@code gen_ai.event.content}
 * attribute; and the older still {@code gen_ai.content.prompt} / {@code gen_ai.content.completion} events.
 */
final class DeprecatedGenAiEvents {
    private DeprecatedGenAiEvents() {}

    static boolean present(OtlpSpan s) {
        for (OtlpSpan.SpanEvent e : s.events()) {
            if (e.name() != null && e.name().startsWith("gen_ai.")) return true;
        }
        return false;
    }

    static void read(OtlpSpan s, List<ChatMessage> input, List<ChatMessage> output, String[] finishReason) {
        for (OtlpSpan.SpanEvent e : s.events()) {
            String name = e.name() == null ? "" : e.name();
            switch (name) {
                case "gen_ai.system.message" -> input.addAll(ChatMessages.fromInput(body(e, "system")));
                case "gen_ai.user.message" -> input.addAll(ChatMessages.fromInput(body(e, "user")));
                case "gen_ai.assistant.message" -> input.addAll(ChatMessages.fromInput(body(e, "assistant")));
                case "gen_ai.tool.message" -> input.addAll(ChatMessages.fromInput(body(e, "tool")));
                case "gen_ai.choice" -> {
                    ObjectNode b = body(e, "assistant");
                    JsonNode message = b.has("message") ? CurrentGenAi.structured(b.get("message")) : b;
                    if (message != null && message.isObject() && !message.has("role")) {
                        message = ((ObjectNode) message.deepCopy()).put("role", "assistant");
                    }
                    output.addAll(ChatMessages.fromOutput(message));
                    if (b.has("finish_reason")) finishReason[0] = b.get("finish_reason").asText();
                }
                case "gen_ai.content.prompt" -> input.addAll(ChatMessages.fromInput(CurrentGenAi.structured(e.attributes().get("gen_ai.prompt"))));
                case "gen_ai.content.completion" -> output.addAll(ChatMessages.fromOutput(CurrentGenAi.structured(e.attributes().get("gen_ai.completion"))));
                default -> { }
            }
        }
    }

    /** The event's body as one message object, its role defaulting to the one the event name says. */
    private static ObjectNode body(OtlpSpan.SpanEvent e, String role) {
        Map<String, JsonNode> a = e.attributes();
        ObjectNode body = Json.object();
        JsonNode wrapped = CurrentGenAi.structured(a.containsKey("body") ? a.get("body") : a.get("gen_ai.event.content"));
        if (wrapped != null && wrapped.isObject()) body.setAll((ObjectNode) wrapped.deepCopy());
        for (String key : new String[] {"content", "role", "tool_calls", "id", "message", "finish_reason", "index", "name"}) {
            JsonNode v = a.get(key);
            if (v != null && !body.has(key)) body.set(key, "tool_calls".equals(key) || "message".equals(key) ? CurrentGenAi.structured(v) : v);
        }
        if (!body.has("role")) body.put("role", role);
        if ("tool".equals(role) && body.has("id") && !body.has("tool_call_id")) body.set("tool_call_id", body.get("id"));
        return body;
    }
}
