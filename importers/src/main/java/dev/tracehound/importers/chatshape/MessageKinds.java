package dev.tracehound.importers.chatshape;

import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;

/**
 * The event kind and trust of a normalised message by its role (docs/event-model.md). A role outside the four is
 * kept as a NOTE of unknown trust: it is evidence, but nothing says whose words it holds.
 */
public final class MessageKinds {
    private MessageKinds() {}

    public static EventKind kind(String role) {
        return switch (role) {
            case "system" -> EventKind.SYSTEM_PROMPT;
            case "user" -> EventKind.USER_MESSAGE;
            case "assistant" -> EventKind.MODEL_RESPONSE;
            case "tool" -> EventKind.TOOL_RESULT;
            default -> EventKind.NOTE;
        };
    }

    public static Trust trust(String role) {
        return switch (role) {
            case "system" -> Trust.SYSTEM;
            case "user" -> Trust.USER;
            case "assistant" -> Trust.MODEL;
            case "tool" -> Trust.TOOL_OUTPUT;
            default -> Trust.UNKNOWN;
        };
    }
}
