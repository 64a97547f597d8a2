package dev.tracehound.timeline.session;

import dev.tracehound.timeline.event.Event;

/**
 * A tool call and the result that answered it; {@code result} is null while unanswered.
 *
 * @param pairedById true when call and result share a toolCallId, false when paired by adjacency
 */
public record ToolExchange(Event call, Event result, boolean pairedById) {}
