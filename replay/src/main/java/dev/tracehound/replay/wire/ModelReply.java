package dev.tracehound.replay.wire;

import java.util.List;

/**
 * A provider's answer normalised across wire formats.
 *
 * @param finishReason as the provider said it ({@code stop}, {@code tool_calls}, {@code end_turn}, {@code tool_use} ...)
 * @param refusal the provider flagged a refusal (OpenAI {@code message.refusal}, Anthropic {@code stop_reason: refusal});
 *     refusals worded in plain text are recognised later by {@code compare.RefusalPatterns}
 */
public record ModelReply(String text, List<ReplyToolCall> toolCalls, String finishReason, Usage usage, String modelId,
        boolean refusal) {

    public ModelReply {
        text = text == null ? "" : text;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        usage = usage == null ? Usage.NONE : usage;
    }
}
