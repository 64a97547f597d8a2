package dev.tracehound.playbooks.catalogue;

import java.nio.file.Path;

/**
 * Tracehound's per-user configuration folder: the system property {@code tracehound.configDir} (set in-process, for
 * tests and embedding), else {@code $TRACEHOUND_CONFIG_DIR}, else {@code ~/.config/tracehound}.
 */
public final class ConfigDir {
    public static final String ENV = "TRACEHOUND_CONFIG_DIR";
    public static final String PROPERTY = "tracehound.configDir";

    private ConfigDir() {}

    public static Path resolve() {
        String fromProperty = System.getProperty(PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) return Path.of(fromProperty.strip());
        String fromEnv = System.getenv(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) return Path.of(fromEnv.strip());
        return Path.of(System.getProperty("user.home"), ".config", "tracehound");
    }

    /** Where imported playbooks live. */
    public static Path playbooks() {
        return resolve().resolve("playbooks");
    }
}
