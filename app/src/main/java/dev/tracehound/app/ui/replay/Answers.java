package dev.tracehound.app.ui.replay;

import dev.tracehound.timeline.context.ContextPart;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders an answer (recorded or replayed) the same way on both sides of the diff: the text, then a line
 * {@code → tool(arguments)} per tool call, so a changed tool call or argument shows as a changed word.
 */
final class Answers {
    record Call(String name, String arguments) {}

    /** Sorted keys, compact: two argument objects that are equal by value render the same, as the criterion sees them. */
    private static final com.fasterxml.jackson.databind.ObjectMapper CANONICAL = new com.fasterxml.jackson.databind.ObjectMapper()
            .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private Answers() {}

    static String render(String text, List<Call> calls) {
        StringBuilder sb = new StringBuilder(text == null ? "" : text.strip());
        for (Call c : calls) {
            if (!sb.isEmpty()) sb.append('\n');
            sb.append("→ ").append(c.name()).append('(').append(canonical(c.arguments())).append(')');
        }
        return sb.toString();
    }

    /**
     * True when a part's text is just its tool calls written out ({@code name(arguments)}), as some importers store
     * it: shown once, as the call line, so the diff compares calls with calls.
     */
    static boolean onlyRendersItsCalls(ContextPart p) {
        if (p.toolCalls().isEmpty()) return false;
        StringBuilder calls = new StringBuilder();
        for (ContextPart.ToolCall c : p.toolCalls()) calls.append(c.name()).append('(').append(c.argumentsJson() == null ? "" : c.argumentsJson()).append(')');
        return squeeze(p.text()).equals(squeeze(calls.toString()));
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    static String canonical(String json) {
        if (json == null || json.isBlank()) return "";
        try {
            return CANONICAL.writeValueAsString(CANONICAL.readValue(json, Object.class));
        } catch (java.io.IOException notJson) {
            return json; // shown as recorded: malformed arguments are evidence too
        }
    }

    /** The recorded answer of a call: its assistant output parts. */
    static String recorded(List<ContextPart> output) {
        List<String> texts = new ArrayList<>();
        List<Call> calls = new ArrayList<>();
        for (ContextPart p : output) {
            if (p.role() != null && !p.role().isBlank() && !"assistant".equals(p.role())) continue;
            if (!p.text().isBlank() && !onlyRendersItsCalls(p)) texts.add(p.text().strip());
            p.toolCalls().forEach(c -> calls.add(new Call(c.name(), c.argumentsJson())));
        }
        return render(String.join("\n", texts), calls);
    }
}
