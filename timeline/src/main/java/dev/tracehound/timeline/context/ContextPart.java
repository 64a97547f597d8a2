package dev.tracehound.timeline.context;

import dev.tracehound.timeline.event.Trust;
import java.util.List;

/**
 * One part of what a model saw (or said), in order, linked to the event it came from.
 *
 * @param role {@code system}, {@code user}, {@code assistant}, {@code tool}, or {@code document} for a retrieved
 *     document placed in the context
 * @param toolCalls for an assistant part that called tools
 * @param toolCallId for a tool part: the call it answers
 * @param sourceEventId the event this part was read from; null when only known from the call's own payload
 */
public record ContextPart(
        String role, String text, List<ToolCall> toolCalls, String toolCallId, String name, Trust trust, String sourceEventId) {

    public ContextPart {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        text = text == null ? "" : text;
    }

    /** A tool call as the model made it; {@code argumentsJson} is JSON text. */
    public record ToolCall(String id, String name, String argumentsJson) {}
}
