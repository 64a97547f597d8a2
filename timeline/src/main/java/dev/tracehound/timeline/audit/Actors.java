package dev.tracehound.timeline.audit;

/** Who is acting, for audit entries: the operating-system user unless told otherwise. */
public final class Actors {
    private Actors() {}

    public static String current() {
        String fromEnv = System.getenv("TRACEHOUND_ACTOR");
        if (fromEnv != null && !fromEnv.isBlank()) return fromEnv.strip();
        return System.getProperty("user.name", "unknown");
    }
}
