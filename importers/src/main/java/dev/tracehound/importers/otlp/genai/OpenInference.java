package dev.tracehound.importers.otlp.genai;


import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.chatshape.ChatMessage;
import dev.tracehound.importers.chatshape.ChatMessages;
import dev.tracehound.importers.read.Json;
import dev.tracehound.importers.otlp.spans.RetrievedDocument;
import dev.tracehound.importers.chatshape.Roles;
import dev.tracehound.importers.chatshape.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OpenInference (Arize Phoenix) attributes: {@code llm.input_messages.N.message.*} and
 * {@code llm.output_messages.N.message.*} (content, contents.K.message_content.text, tool_calls.M.tool_call.*),
 * {@code llm.tools.N.tool.json_schema}, {@code retrieval.documents.N.document.*}, and the generic
 * {@code input.value} / {@code output.value} pair.
 */
final class OpenInference {
    private OpenInference() {}

    static List<ChatMessage> inputMessages(OtlpSpan s) {
        return messages(s.attributes(), "llm.input_messages.", "user");
    }

    static List<ChatMessage> outputMessages(OtlpSpan s) {
        return messages(s.attributes(), "llm.output_messages.", "assistant");
    }

    static List<JsonNode> tools(OtlpSpan s) {
        List<JsonNode> out = new ArrayList<>();
        for (Map<String, JsonNode> t : IndexedAttributes.group(s.attributes(), "llm.tools.").values()) {
            JsonNode schema = t.get("tool.json_schema");
            if (schema != null) out.add(CurrentGenAi.structured(schema));
        }
        return out;
    }

    static List<RetrievedDocument> documents(OtlpSpan s) {
        List<RetrievedDocument> out = new ArrayList<>();
        for (Map<String, JsonNode> d : IndexedAttributes.group(s.attributes(), "retrieval.documents.").values()) {
            out.add(new RetrievedDocument(IndexedAttributes.text(d, "document.id"),
                    IndexedAttributes.text(d, "document.content"),
                    Json.doubleValue(d.get("document.score")),
                    CurrentGenAi.structured(d.get("document.metadata"))));
        }
        return out;
    }

    /** {@code input.value} decoded when its mime type (or its look) says JSON. */
    static JsonNode value(OtlpSpan s, String which) {
        JsonNode v = s.attr(which + ".value");
        if (v == null) return null;
        return CurrentGenAi.structured(v);
    }

    private static List<ChatMessage> messages(Map<String, JsonNode> attrs, String prefix, String defaultRole) {
        List<ChatMessage> out = new ArrayList<>();
        for (Map<String, JsonNode> m : IndexedAttributes.group(attrs, prefix).values()) {
            List<ToolCall> calls = new ArrayList<>();
            for (Map<String, JsonNode> c : IndexedAttributes.group(m, "message.tool_calls.").values()) {
                calls.add(ToolCall.of(IndexedAttributes.text(c, "tool_call.id"),
                        IndexedAttributes.text(c, "tool_call.function.name"), c.get("tool_call.function.arguments")));
            }
            String content = IndexedAttributes.text(m, "message.content");
            if (content == null) {
                StringBuilder sb = new StringBuilder();
                for (Map<String, JsonNode> part : IndexedAttributes.group(m, "message.contents.").values()) {
                    String text = IndexedAttributes.text(part, "message_content.text");
                    if (text == null) text = "[" + IndexedAttributes.text(part, "message_content.type") + "]";
                    if (!sb.isEmpty()) sb.append('\n');
                    sb.append(text);
                }
                if (!sb.isEmpty()) content = sb.toString();
            }
            String sourceRole = IndexedAttributes.text(m, "message.role");
            ChatMessage msg = new ChatMessage(Roles.normalise(sourceRole, defaultRole), content, calls,
                    IndexedAttributes.text(m, "message.tool_call_id"), IndexedAttributes.text(m, "message.name"), sourceRole, false);
            if (!msg.isEmpty() || sourceRole != null) out.add(msg); // an empty turn with a role is still a turn
        }
        return out;
    }

    /** Messages from {@code input.value} when it holds a chat (OpenAI request body, parts, LangChain). */
    static List<ChatMessage> messagesFromValue(JsonNode value, boolean output) {
        if (value == null || value.isTextual() && Json.parseIfJson(value.asText()) == null && value.asText().isEmpty()) return List.of();
        return output ? ChatMessages.fromOutput(value) : ChatMessages.fromInput(value);
    }
}
