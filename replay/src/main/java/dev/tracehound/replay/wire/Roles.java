package dev.tracehound.replay.wire;

import java.util.Locale;

/**
 * Maps a context part's role to the three roles every chat protocol has. A retrieved document reaches the model
 * inside a user turn (no protocol has a document role); {@code developer} is OpenAI's newer name for system.
 */
enum Roles {
    SYSTEM, USER, ASSISTANT, TOOL;

    static Roles of(String role) {
        String r = role == null ? "user" : role.toLowerCase(Locale.ROOT);
        return switch (r) {
            case "system", "developer" -> SYSTEM;
            case "assistant", "model" -> ASSISTANT;
            case "tool", "function", "tool_result" -> TOOL;
            default -> USER;
        };
    }
}
