package dev.tracehound.app.ui.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Loads and saves {@link AppState} as JSON; a missing or unreadable file gives a fresh state, never a failed start. */
public final class AppStateStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path file;

    public AppStateStore(Path file) {
        this.file = file;
    }

    public AppState load() {
        if (!Files.isRegularFile(file)) return new AppState();
        try {
            AppState s = JSON.readValue(file.toFile(), AppState.class);
            if (s.recentCases == null) s.recentCases = new java.util.ArrayList<>();
            return s;
        } catch (IOException e) {
            System.err.println("tracehound: ignoring unreadable " + file + " (" + e.getMessage() + ")");
            return new AppState();
        }
    }

    /** Writes atomically (temp file + move), so a crash never leaves half a state file. */
    public void save(AppState state) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), state);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("tracehound: could not save " + file + ": " + e.getMessage());
        }
    }
}
