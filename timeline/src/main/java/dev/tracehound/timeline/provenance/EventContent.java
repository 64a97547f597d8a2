package dev.tracehound.timeline.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.timeline.context.Payloads;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;

/** The text of an event that scanners read: a tool call's name and arguments, a response's content, else the text. */
public final class EventContent {
    private EventContent() {}

    public static String of(Event e) {
        if (e.kind() == EventKind.TOOL_CALL) {
            String name = e.toolName() != null ? e.toolName() : "";
            return name + " " + Payloads.toolArguments(e);
        }
        if (e.kind() == EventKind.MODEL_RESPONSE && (e.text() == null || e.text().isBlank())) {
            JsonNode p = Payloads.of(e);
            return Payloads.text(p.get("content"));
        }
        if (e.kind() == EventKind.TOOL_LISTING) {
            JsonNode p = Payloads.of(e);
            String d = p.hasNonNull("description") ? p.get("description").asText() : "";
            String text = e.text() == null ? "" : e.text();
            return text.contains(d) ? text : text + "\n" + d;
        }
        return e.text() == null ? "" : e.text();
    }
}
