package dev.tracehound.importers.read;

import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;

/** The trust docs/event-model.md gives each kind, for sources that name a kind but not an origin. */
public final class DefaultTrust {
    private DefaultTrust() {}

    public static Trust of(EventKind kind) {
        return switch (kind) {
            case SYSTEM_PROMPT -> Trust.SYSTEM;
            case USER_MESSAGE -> Trust.USER;
            case MODEL_CALL, MODEL_RESPONSE, TOOL_CALL, AGENT_STEP -> Trust.MODEL;
            case TOOL_RESULT -> Trust.TOOL_OUTPUT;
            case RETRIEVAL -> Trust.RETRIEVED_DOCUMENT;
            case TOOL_LISTING -> Trust.TOOL_DESCRIPTION;
            case MEMORY_WRITE -> Trust.MEMORY;
            default -> Trust.UNKNOWN;
        };
    }
}
