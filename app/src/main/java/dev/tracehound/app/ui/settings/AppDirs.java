package dev.tracehound.app.ui.settings;

import java.nio.file.Path;

/**
 * Where the app keeps its state ({@code ~/.config/tracehound}, or {@code TRACEHOUND_CONFIG_DIR}) and the cases
 * it creates itself ({@code ~/.local/share/tracehound/cases}, or {@code TRACEHOUND_DATA_DIR}).
 */
public record AppDirs(Path configDir, Path dataDir) {

    public static AppDirs fromEnvironment() {
        Path home = Path.of(System.getProperty("user.home"));
        return new AppDirs(
                envPath("TRACEHOUND_CONFIG_DIR", home.resolve(".config/tracehound")),
                envPath("TRACEHOUND_DATA_DIR", home.resolve(".local/share/tracehound")));
    }

    private static Path envPath(String name, Path fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Path.of(v);
    }

    public Path stateFile() {
        return configDir.resolve("state.json");
    }

    public Path casesDir() {
        return dataDir.resolve("cases");
    }
}
