package dev.tracehound.replay.compare;

import dev.tracehound.replay.wire.ModelReply;
import dev.tracehound.replay.wire.ReplyToolCall;
import dev.tracehound.timeline.context.ContextPart;
import java.util.ArrayList;
import java.util.List;

/** What a model did in one answer, reduced to what replay compares: text, tool calls, refusal. */
public record Behaviour(String text, List<ReplyToolCall> toolCalls, boolean refusal) {

    public Behaviour {
        text = text == null ? "" : text;
        toolCalls = List.copyOf(toolCalls);
    }

    /** The recorded answer of a model call ({@code ModelContext.output}). */
    public static Behaviour ofRecorded(List<ContextPart> output) {
        StringBuilder text = new StringBuilder();
        List<ReplyToolCall> calls = new ArrayList<>();
        for (ContextPart p : output) {
            String role = p.role() == null || p.role().isBlank() ? "assistant" : p.role();
            if (!"assistant".equals(role)) continue;
            if (!p.text().isEmpty()) {
                if (!text.isEmpty()) text.append('\n');
                text.append(p.text());
            }
            p.toolCalls().forEach(c -> calls.add(new ReplyToolCall(c.id(), c.name(), c.argumentsJson())));
        }
        return new Behaviour(text.toString(), calls, RefusalPatterns.isRefusal(text.toString()));
    }

    public static Behaviour ofReply(ModelReply reply) {
        return new Behaviour(reply.text(), reply.toolCalls(), reply.refusal() || RefusalPatterns.isRefusal(reply.text()));
    }

    public List<String> toolNames() {
        return toolCalls.stream().map(ReplyToolCall::name).toList();
    }
}
