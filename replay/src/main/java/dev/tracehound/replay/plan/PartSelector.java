package dev.tracehound.replay.plan;

import dev.tracehound.timeline.context.ContextPart;
import java.util.ArrayList;
import java.util.List;

/**
 * Which part(s) of a context an edit touches: by position in the input (0-based), by the event the part came
 * from, or by the tool call a tool result answers. Exactly one should be set; an empty selector means every part
 * (only sensible for a text replacement).
 */
public record PartSelector(Integer index, String sourceEventId, String toolCallId) {

    public static PartSelector index(int i) {
        return new PartSelector(i, null, null);
    }

    public static PartSelector event(String id) {
        return new PartSelector(null, id, null);
    }

    public static PartSelector toolCall(String id) {
        return new PartSelector(null, null, id);
    }

    boolean isEmpty() {
        return index == null && sourceEventId == null && toolCallId == null;
    }

    /** Indices of matching parts; a clear error when the selector matches nothing. */
    List<Integer> resolve(List<ContextPart> input) {
        List<Integer> out = new ArrayList<>();
        if (isEmpty()) {
            for (int i = 0; i < input.size(); i++) out.add(i);
            return out;
        }
        if (index != null) {
            if (index < 0 || index >= input.size())
                throw new IllegalArgumentException("edit targets message index " + index + " but the context has "
                        + input.size() + " parts (0.." + (input.size() - 1) + ")");
            out.add(index);
            return out;
        }
        for (int i = 0; i < input.size(); i++) {
            ContextPart p = input.get(i);
            if (sourceEventId != null && sourceEventId.equals(p.sourceEventId())) out.add(i);
            if (toolCallId != null && "tool".equals(p.role()) && toolCallId.equals(p.toolCallId())) out.add(i);
        }
        if (out.isEmpty()) throw new IllegalArgumentException("edit targets " + describe() + ", which is not in this context");
        return out;
    }

    public String describe() {
        if (index != null) return "message #" + index;
        if (sourceEventId != null) return "the part from event " + sourceEventId;
        if (toolCallId != null) return "the tool result of call " + toolCallId;
        return "every part";
    }
}
