package dev.tracehound.importers.chatshape;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import dev.tracehound.importers.read.Json;

/**
 * One chat message in the normalised shape of docs/event-model.md (OpenAI Chat Completions): {@code role} is
 * system, user, assistant or tool, or the source's own role when it is none of those (see {@link Roles}).
 * {@code sourceRole} is the role as the source wrote it (null when the source named none), {@code isError} marks a
 * tool result the source flagged as failed.
 */
public record ChatMessage(String role, String content, List<ToolCall> toolCalls, String toolCallId, String name,
        String sourceRole, boolean isError) {

    public ChatMessage {
        role = role == null ? "user" : role;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    /** A message whose role the reader inferred or already normalised. */
    public ChatMessage(String role, String content, List<ToolCall> toolCalls, String toolCallId, String name) {
        this(role, content, toolCalls, toolCallId, name, null, false);
    }

    public static ChatMessage text(String role, String content) {
        return new ChatMessage(role, content, List.of(), null, null);
    }

    /** No content, no tool calls and no call id: the source recorded a turn that says nothing (still a turn). */
    public boolean isEmpty() {
        return (content == null || content.isEmpty()) && toolCalls.isEmpty() && toolCallId == null;
    }

    /** The speaker an event names: the tool for tool results, else the role (the source's own when distinct). */
    public String actor() {
        if ("tool".equals(role) && name != null) return name;
        return Roles.actor(sourceRole, role);
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
        if (sourceRole != null && !sourceRole.equals(role)) n.put("source_role", sourceRole);
        if (isError) n.put("is_error", true);
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
