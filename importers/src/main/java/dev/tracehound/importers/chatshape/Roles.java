package dev.tracehound.importers.chatshape;

import java.util.Locale;

/** Maps the role names of every framework onto system, user, assistant and tool. */
public final class Roles {
    private Roles() {}

    public static String normalise(String role, String fallback) {
        if (role == null || role.isBlank()) return fallback;
        return switch (role.strip().toLowerCase(Locale.ROOT)) {
            case "system", "developer" -> "system";
            case "user", "human", "humanmessage", "humanmessagechunk" -> "user";
            case "assistant", "ai", "model", "bot", "aimessage", "aimessagechunk" -> "assistant";
            case "tool", "function", "ipython", "toolmessage", "functionmessage" -> "tool";
            case "systemmessage" -> "system";
            default -> fallback;
        };
    }
}
