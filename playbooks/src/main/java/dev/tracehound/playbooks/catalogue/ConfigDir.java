package dev.tracehound.playbooks.catalogue;

import java.nio.file.Path;

/** Tracehound's per-user configuration folder: {@code $TRACEHOUND_CONFIG_DIR}, else {@code ~/.config/tracehound}. */
public final class ConfigDir {
    public static final String ENV = "TRACEHOUND_CONFIG_DIR";

    private ConfigDir() {}

    public static Path resolve() {
        String fromEnv = System.getenv(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) return Path.of(fromEnv.strip());
        return Path.of(System.getProperty("user.home"), ".config", "tracehound");
    }

    /** Where imported playbooks live. */
    public static Path playbooks() {
        return resolve().resolve("playbooks");
    }
}
