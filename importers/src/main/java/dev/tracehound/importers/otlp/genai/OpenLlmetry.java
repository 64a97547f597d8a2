package dev.tracehound.importers.otlp.genai;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.importers.chatshape.ChatMessage;
import dev.tracehound.importers.read.Json;
import dev.tracehound.importers.chatshape.Roles;
import dev.tracehound.importers.chatshape.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OpenLLMetry's (Traceloop) indexed attributes: {@code gen_ai.prompt.N.role/content/tool_calls.M.…, tool_call_id},
 * {@code gen_ai.completion.N.*} (with {@code finish_reason} and the legacy {@code function_call}), and
 * {@code llm.request.functions.N.*} for the tools offered.
 */
final class OpenLlmetry {
    private OpenLlmetry() {}

    static boolean present(OtlpSpan s) {
        return IndexedAttributes.any(s.attributes(), "gen_ai.prompt.") || IndexedAttributes.any(s.attributes(), "gen_ai.completion.");
    }

    static List<ChatMessage> prompts(OtlpSpan s) {
        return messages(s.attributes(), "gen_ai.prompt.", "user");
    }

    static List<ChatMessage> completions(OtlpSpan s) {
        return messages(s.attributes(), "gen_ai.completion.", "assistant");
    }

    static String finishReason(OtlpSpan s) {
        for (Map<String, JsonNode> m : IndexedAttributes.group(s.attributes(), "gen_ai.completion.").values()) {
            String r = IndexedAttributes.text(m, "finish_reason");
            if (r != null) return r;
        }
        return null;
    }

    static List<JsonNode> tools(OtlpSpan s) {
        List<JsonNode> out = new ArrayList<>();
        for (Map<String, JsonNode> f : IndexedAttributes.group(s.attributes(), "llm.request.functions.").values()) {
            ObjectNode t = Json.object();
            t.put("type", "function");
            t.put("name", IndexedAttributes.text(f, "name"));
            t.put("description", IndexedAttributes.text(f, "description"));
            JsonNode params = f.get("parameters");
            t.set("parameters", params == null ? null : CurrentGenAi.structured(params));
            out.add(t);
        }
        return out;
    }

    private static List<ChatMessage> messages(Map<String, JsonNode> attrs, String prefix, String defaultRole) {
        List<ChatMessage> out = new ArrayList<>();
        for (Map<String, JsonNode> m : IndexedAttributes.group(attrs, prefix).values()) {
            List<ToolCall> calls = new ArrayList<>();
            for (Map<String, JsonNode> c : IndexedAttributes.group(m, "tool_calls.").values()) {
                calls.add(ToolCall.of(IndexedAttributes.text(c, "id"), IndexedAttributes.text(c, "name"), c.get("arguments")));
            }
            if (m.containsKey("function_call.name")) {
                calls.add(ToolCall.of(null, IndexedAttributes.text(m, "function_call.name"), m.get("function_call.arguments")));
            }
            String sourceRole = IndexedAttributes.text(m, "role");
            ChatMessage msg = new ChatMessage(Roles.normalise(sourceRole, defaultRole), IndexedAttributes.text(m, "content"), calls,
                    IndexedAttributes.text(m, "tool_call_id"), IndexedAttributes.text(m, "name"), sourceRole, false);
            // a message with a role is a recorded turn even when empty; a group holding only a finish reason is not
            if (!msg.isEmpty() || sourceRole != null) out.add(msg);
        }
        return out;
    }
}
