package dev.tracehound.replay.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.timeline.context.ContextPart;
import java.util.List;

/**
 * Writes the {@code messages} array OpenAI Chat Completions and Ollama's native chat share: one message per
 * context part, in order, with system and user turns alike. What differs per protocol (the fields of a tool
 * result, an assistant's content when it only called tools, how a call and its arguments are encoded) is left
 * to a {@link Dialect}, so the loop and the role mapping exist once.
 */
final class ChatMessages {
    private ChatMessages() {}

    /** The per-protocol details; each hook writes its fields in the order the protocol's own clients send them. */
    interface Dialect {
        /** The fields of a tool result message after {@code "role":"tool"}. */
        void toolResult(ObjectNode message, ContextPart part);

        /** The {@code content} of an assistant message (written before its {@code tool_calls}). */
        void assistantContent(ObjectNode message, ContextPart part);

        /** One element of an assistant message's {@code tool_calls}. */
        void toolCall(ObjectNode call, ContextPart.ToolCall toolCall);
    }

    static void write(ObjectNode root, List<ContextPart> input, Dialect dialect) {
        ArrayNode messages = root.putArray("messages");
        for (ContextPart p : input) {
            ObjectNode m = messages.addObject();
            switch (Roles.of(p.role())) {
                case SYSTEM -> m.put("role", "system").put("content", p.text());
                case USER -> m.put("role", "user").put("content", p.text());
                case TOOL -> dialect.toolResult(m.put("role", "tool"), p);
                case ASSISTANT -> {
                    dialect.assistantContent(m.put("role", "assistant"), p);
                    if (!p.toolCalls().isEmpty()) {
                        ArrayNode calls = m.putArray("tool_calls");
                        for (ContextPart.ToolCall c : p.toolCalls()) dialect.toolCall(calls.addObject(), c);
                    }
                }
            }
        }
    }
}
