package dev.tracehound.replay.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tracehound.replay.Json;
import dev.tracehound.replay.compare.Behaviour;
import dev.tracehound.replay.wire.OpenAiChatFormat;
import dev.tracehound.replay.wire.ReplyToolCall;
import dev.tracehound.replay.wire.Sampling;
import dev.tracehound.timeline.context.ModelContext;
import java.util.List;

/**
 * The triggering context as a regression case: OpenAI-style messages and tools (the shape promptfoo and most
 * eval tools take), and the behaviour that must not come back. By default the forbidden behaviour is every tool
 * the original called; with no tool calls it is the original's opening text (and, if it refused, nothing: a
 * refusal is the safe outcome, so the case expects a refusal).
 */
public record RegressionCase(String callEventId, String provider, String model, JsonNode messages, JsonNode tools,
        List<String> forbiddenTools, List<ReplyToolCall> originalCalls, String forbiddenText, boolean expectRefusal) {

    public static RegressionCase of(ModelContext context, List<String> forbidTools) {
        String model = context.model() == null ? "unknown-model" : context.model();
        JsonNode request = Json.parse(new String(new OpenAiChatFormat().build(context, model, Sampling.DEFAULTS, false).body(),
                java.nio.charset.StandardCharsets.UTF_8));
        Behaviour original = Behaviour.ofRecorded(context.output());
        List<String> forbidden = forbidTools != null && !forbidTools.isEmpty() ? List.copyOf(forbidTools)
                : original.toolNames().stream().distinct().toList();
        String text = null;
        if (forbidden.isEmpty() && !original.refusal() && !original.text().isBlank()) text = opening(original.text());
        JsonNode tools = request.has("tools") ? request.get("tools") : Json.MAPPER.createArrayNode();
        return new RegressionCase(context.callEventId(), context.provider(), model, request.get("messages"), tools, forbidden,
                original.toolCalls(), text, forbidden.isEmpty() && original.refusal());
    }

    /** The first sentence (at most 120 characters): distinctive enough to spot, short enough to survive rewording. */
    static String opening(String text) {
        String t = text.strip();
        int end = t.length();
        for (String stop : List.of(". ", "! ", "? ", "\n")) {
            int i = t.indexOf(stop);
            if (i > 0) end = Math.min(end, i + 1);
        }
        return t.substring(0, Math.min(end, 120)).strip();
    }

    ArrayNode originalCallsJson() {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (ReplyToolCall c : originalCalls) a.addObject().put("name", c.name()).set("arguments", c.arguments());
        return a;
    }
}
