package dev.tracehound.replay.endpoint;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tracehound.replay.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's endpoint profiles, kept outside any case in {@code endpoints.json} of the config folder
 * ({@code -Dtracehound.configDir}, else {@code $TRACEHOUND_CONFIG_DIR}, else {@code ~/.config/tracehound}). The file holds variable names, never keys.
 */
public final class EndpointProfiles {
    public static final String CONFIG_DIR_ENV = "TRACEHOUND_CONFIG_DIR";
    private final Path file;

    public EndpointProfiles(Path file) {
        this.file = file;
    }

    /** System property that wins over the environment, so in-process tests need not change the environment. */
    public static final String CONFIG_DIR_PROPERTY = "tracehound.configDir";

    public static EndpointProfiles userDefault() {
        return new EndpointProfiles(configDir(System.getenv()).resolve("endpoints.json"));
    }

    public static Path configDir(Map<String, String> env) {
        String prop = System.getProperty(CONFIG_DIR_PROPERTY);
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        String dir = env.get(CONFIG_DIR_ENV);
        if (dir != null && !dir.isBlank()) return Path.of(dir);
        return Path.of(System.getProperty("user.home"), ".config", "tracehound");
    }

    public Path file() {
        return file;
    }

    public List<EndpointProfile> list() {
        if (!Files.exists(file)) return List.of();
        try {
            return Json.MAPPER.readValue(file.toFile(), new TypeReference<List<EndpointProfile>>() {});
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read endpoint profiles " + file + ": " + e.getMessage()
                    + " (fix or delete the file and add the endpoints again)");
        }
    }

    public Optional<EndpointProfile> get(String name) {
        return list().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public EndpointProfile require(String name) {
        return get(name).orElseThrow(() -> new IllegalArgumentException("no endpoint named '" + name
                + "'; add it with: tracehound endpoints add " + name + " --kind openai --url URL --model MODEL --api-key-env VAR"));
    }

    /** Adds or replaces the profile of that name; written atomically so a crash never leaves half a file. */
    public void put(EndpointProfile profile) {
        List<EndpointProfile> all = new ArrayList<>(list());
        all.removeIf(p -> p.name().equals(profile.name()));
        all.add(profile);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, Json.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(all));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write endpoint profiles " + file, e);
        }
    }
}
