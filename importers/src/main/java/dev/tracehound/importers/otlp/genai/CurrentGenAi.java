package dev.tracehound.importers.otlp.genai;


import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.chatshape.ChatMessage;
import dev.tracehound.importers.chatshape.ChatMessages;
import dev.tracehound.importers.read.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The current OTel GenAI conventions: {@code gen_ai.input.messages}, {@code gen_ai.output.messages},
 * {@code gen_ai.system_instructions} and {@code gen_ai.tool.definitions}, as JSON strings or as structured
 * values, messages in the parts shape.
 */
final class CurrentGenAi {
    private CurrentGenAi() {}

    static List<ChatMessage> input(OtlpSpan s) {
        List<ChatMessage> out = new ArrayList<>();
        JsonNode system = structured(s.attr("gen_ai.system_instructions"));
        if (system != null) {
            String text = ChatMessages.contentText(system.isArray() ? partsAsBlocks(system) : system);
            if (text != null && !text.isEmpty()) out.add(ChatMessage.text("system", text));
        }
        JsonNode in = structured(s.attr("gen_ai.input.messages"));
        if (in != null) out.addAll(ChatMessages.fromInput(in));
        return out;
    }

    static List<ChatMessage> output(OtlpSpan s) {
        JsonNode out = structured(s.attr("gen_ai.output.messages"));
        return out == null ? List.of() : ChatMessages.fromOutput(out);
    }

    static String finishReason(OtlpSpan s) {
        JsonNode reasons = s.attr("gen_ai.response.finish_reasons");
        if (reasons != null && reasons.isArray() && !reasons.isEmpty()) return reasons.get(0).asText();
        JsonNode out = structured(s.attr("gen_ai.output.messages"));
        return out == null ? null : ChatMessages.finishReason(out);
    }

    static List<JsonNode> tools(OtlpSpan s) {
        JsonNode defs = structured(s.attr("gen_ai.tool.definitions"));
        List<JsonNode> out = new ArrayList<>();
        if (defs != null && defs.isArray()) defs.forEach(out::add);
        return out;
    }

    /** A value that may be a JSON string or already structured. */
    static JsonNode structured(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isTextual()) {
            JsonNode parsed = Json.parseIfJson(v.asText());
            return parsed != null ? parsed : v;
        }
        return v;
    }

    /** System instructions are parts ({type:text, content}); content blocks read them alike once renamed. */
    private static JsonNode partsAsBlocks(JsonNode parts) {
        var arr = Json.object().arrayNode();
        for (JsonNode p : parts) {
            if (p.isObject() && p.has("content") && !p.has("text")) {
                arr.add(((com.fasterxml.jackson.databind.node.ObjectNode) p.deepCopy()).put("text", Json.text(p.get("content"))));
            } else {
                arr.add(p);
            }
        }
        return arr;
    }
}
