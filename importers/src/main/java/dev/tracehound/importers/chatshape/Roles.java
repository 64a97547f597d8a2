package dev.tracehound.importers.chatshape;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps the role names of every framework onto system, user, assistant and tool. A role the map does not know is
 * kept as the source wrote it: guessing a speaker would put words in someone's mouth, and the role is evidence.
 */
public final class Roles {
    private Roles() {}

    /** Role names that denote one of the four roles (lowercase). */
    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("system", "system"), Map.entry("systemmessage", "system"), Map.entry("developer", "system"),
            Map.entry("user", "user"), Map.entry("human", "user"), Map.entry("humanmessage", "user"),
            Map.entry("humanmessagechunk", "user"),
            Map.entry("assistant", "assistant"), Map.entry("ai", "assistant"), Map.entry("model", "assistant"),
            Map.entry("bot", "assistant"), Map.entry("aimessage", "assistant"), Map.entry("aimessagechunk", "assistant"),
            Map.entry("tool", "tool"), Map.entry("toolmessage", "tool"), Map.entry("function", "tool"),
            Map.entry("functionmessage", "tool"), Map.entry("ipython", "tool"));

    /**
     * Roles that map onto one of the four for the event kind but name a different speaker, so the event keeps
     * them as its actor: OpenAI's developer instructions, legacy function results, Llama's ipython output.
     */
    private static final Set<String> DISTINCT = Set.of("developer", "function", "functionmessage", "ipython");

    /** The canonical role; an unknown role as written (stripped); {@code fallback} when there is none. */
    public static String normalise(String role, String fallback) {
        if (role == null || role.isBlank()) return fallback;
        String known = known(role);
        return known != null ? known : role.strip();
    }

    /** The canonical role of a known role name, else null. */
    public static String known(String role) {
        return role == null ? null : CANONICAL.get(role.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Who an event names as speaker: the canonical role when the source's role is only another spelling of it
     * ("human", "AIMessage"), else the source's role as written ("developer", "ipython", a custom role).
     */
    public static String actor(String sourceRole, String role) {
        if (sourceRole == null || sourceRole.isBlank()) return role;
        String key = sourceRole.strip().toLowerCase(Locale.ROOT);
        if (CANONICAL.containsKey(key) && !DISTINCT.contains(key)) return CANONICAL.get(key);
        return sourceRole.strip();
    }
}
