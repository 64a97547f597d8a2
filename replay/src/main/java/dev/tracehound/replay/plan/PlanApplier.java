package dev.tracehound.replay.plan;

import dev.tracehound.timeline.context.ContextPart;
import dev.tracehound.timeline.context.ModelContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a plan's edits to a context. Selectors are resolved against the original input, so an earlier removal
 * does not shift the index a later edit names. Removing a tool result also removes the call it answers from the
 * assistant turn (and removing an assistant turn removes its results): providers reject a call without a result,
 * and the model then sees neither, as if the tool had never been used.
 */
public final class PlanApplier {
    private PlanApplier() {}

    public static ModelContext apply(ModelContext original, List<ContextEdit> edits) {
        List<ContextPart> input = original.input();
        Map<Integer, ContextPart> changed = new LinkedHashMap<>();
        Set<Integer> removed = new HashSet<>();
        for (ContextEdit edit : edits) {
            List<Integer> targets = edit.selector().resolve(input);
            switch (edit.op() == null ? "" : edit.op()) {
                case "remove" -> removed.addAll(targets);
                case "replace" -> {
                    if (edit.text() == null) throw new IllegalArgumentException("a 'replace' edit needs \"text\"");
                    for (int i : targets) changed.put(i, withText(changed.getOrDefault(i, input.get(i)), edit.text()));
                }
                case "replace-text" -> {
                    if (edit.find() == null || edit.find().isEmpty())
                        throw new IllegalArgumentException("a 'replace-text' edit needs a non-empty \"find\"");
                    String with = edit.replacement() == null ? "" : edit.replacement();
                    boolean found = false;
                    for (int i : targets) {
                        ContextPart p = changed.getOrDefault(i, input.get(i));
                        if (p.text().contains(edit.find())) {
                            changed.put(i, withText(p, p.text().replace(edit.find(), with)));
                            found = true;
                        }
                    }
                    if (!found) throw new IllegalArgumentException("text \"" + edit.find() + "\" not found in "
                            + edit.selector().describe() + "; copy it exactly from the context");
                }
                default -> throw new IllegalArgumentException("unknown edit op '" + edit.op() + "': use remove, replace or replace-text");
            }
        }
        Set<String> droppedCalls = new HashSet<>();
        for (int i : removed) {
            ContextPart p = input.get(i);
            if ("tool".equals(p.role()) && p.toolCallId() != null) droppedCalls.add(p.toolCallId());
            p.toolCalls().forEach(c -> { if (c.id() != null) droppedCalls.add(c.id()); });
        }
        List<ContextPart> out = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            if (removed.contains(i)) continue;
            ContextPart p = changed.getOrDefault(i, input.get(i));
            if ("tool".equals(p.role()) && droppedCalls.contains(p.toolCallId())) continue;
            if (!p.toolCalls().isEmpty() && p.toolCalls().stream().anyMatch(c -> droppedCalls.contains(c.id()))) {
                List<ContextPart.ToolCall> kept = p.toolCalls().stream().filter(c -> !droppedCalls.contains(c.id())).toList();
                if (kept.isEmpty() && p.text().isBlank()) continue;
                p = new ContextPart(p.role(), p.text(), kept, p.toolCallId(), p.name(), p.trust(), p.sourceEventId());
            }
            out.add(p);
        }
        return new ModelContext(original.callEventId(), original.sessionId(), original.provider(), original.model(), out,
                original.tools(), original.params(), original.output());
    }

    private static ContextPart withText(ContextPart p, String text) {
        return new ContextPart(p.role(), text, p.toolCalls(), p.toolCallId(), p.name(), p.trust(), p.sourceEventId());
    }
}
