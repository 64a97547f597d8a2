package dev.tracehound.app.ui.replay;

import dev.tracehound.app.format.Texts;
import dev.tracehound.timeline.context.ContextPart;
import dev.tracehound.timeline.event.Trust;

/**
 * One part of the selected call's context as listed on the Replay screen, with the plan's edits on it.
 *
 * @param index the part's position in the original input (what the plan's selectors name)
 * @param dropped a {@code remove} edit targets it
 * @param neutralised how many {@code replace-text} edits target it
 */
public record ContextPartRow(int index, ContextPart part, boolean dropped, int neutralised) {

    public String role() {
        return part.role() == null ? "?" : part.role();
    }

    /** Where the text came from, e.g. {@code RETRIEVED_DOCUMENT}; unknown when the importer could not tell. */
    public String origin() {
        return part.trust() == null ? Trust.UNKNOWN.name() : part.trust().name();
    }

    public boolean untrusted() {
        return part.trust() != null && part.trust().isUntrusted();
    }

    public String preview() {
        String text = part.text().isBlank() && !part.toolCalls().isEmpty()
                ? "calls " + String.join(", ", part.toolCalls().stream().map(ContextPart.ToolCall::name).toList())
                : part.text();
        return Texts.oneLine(text, 140);
    }

    public String editState() {
        if (dropped) return "dropped";
        return neutralised == 0 ? "" : "neutralised ×" + neutralised;
    }
}
