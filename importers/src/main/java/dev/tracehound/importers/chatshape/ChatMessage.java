package dev.tracehound.importers.chatshape;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import dev.tracehound.importers.read.Json;

/**
 * One chat message in the normalised shape of docs/event-model.md (OpenAI Chat Completions):
 * {@code role} is system, user, assistant or tool.
 */
public record ChatMessage(String role, String content, List<ToolCall> toolCalls, String toolCallId, String name) {

    public ChatMessage {
        role = role == null ? "user" : role;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public static ChatMessage text(String role, String content) {
        return new ChatMessage(role, content, List.of(), null, null);
    }

    public boolean isEmpty() {
        return (content == null || content.isEmpty()) && toolCalls.isEmpty() && toolCallId == null;
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("role", role);
        n.put("content", content);
        if (!toolCalls.isEmpty()) {
            ArrayNode calls = n.putArray("tool_calls");
            toolCalls.forEach(c -> calls.add(c.toJson()));
        }
        if (toolCallId != null) n.put("tool_call_id", toolCallId);
        if (name != null) n.put("name", name);
        return n;
    }

    /** The text an investigator reads: the content, or the tool calls when there is none. */
    public String displayText() {
        if (content != null && !content.isEmpty()) return content;
        if (!toolCalls.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (ToolCall c : toolCalls) {
                if (!sb.isEmpty()) sb.append('\n');
                sb.append(c.display());
            }
            return sb.toString();
        }
        return content == null ? "" : content;
    }
}
