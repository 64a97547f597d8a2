package dev.tracehound.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The incident bundles shipped on the classpath under {@code incidents/<name>/}: export files, README.md and
 * answer-key.json. The index ({@code incidents/index.json}) lists every file, because classpath folders cannot
 * be listed portably inside a jar.
 */
public final class SampleIncidents {
    static final String ROOT = "incidents/";

    private SampleIncidents() {}

    /** Names (folder slugs) of the bundled incidents, in index order. */
    public static List<String> names() {
        return incidents().stream().map(e -> (String) e.get("name")).toList();
    }

    /** The one-line title of an incident. */
    public static String title(String name) {
        return (String) entry(name).get("title");
    }

    /** Paths of an incident's files relative to its folder, for example {@code otel/x.otlp.jsonl}. */
    @SuppressWarnings("unchecked")
    public static List<String> files(String name) {
        return List.copyOf((List<String>) entry(name).get("files"));
    }

    /** Opens one file of an incident from the classpath. */
    public static InputStream open(String name, String relativePath) {
        return resource(ROOT + name + "/" + relativePath);
    }

    private static InputStream resource(String path) {
        InputStream in = SampleIncidents.class.getClassLoader().getResourceAsStream(path);
        if (in == null) throw new IllegalStateException("sample incident file missing from the classpath: " + path);
        return in;
    }

    /**
     * Copies an incident's files into {@code dir/<name>/} (keeping sub-folders) and returns that folder. Existing
     * files of the same name are replaced, so extracting twice gives the same result.
     */
    public static Path extractTo(String name, Path dir) {
        Path target = dir.resolve(name).normalize();
        try {
            for (String rel : files(name)) {
                Path out = target.resolve(rel).normalize();
                if (!out.startsWith(target)) throw new IllegalStateException("index path escapes the incident folder: " + rel);
                Files.createDirectories(out.getParent());
                try (InputStream in = open(name, rel)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract sample incident " + name + " to " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    private static Map<String, Object> entry(String name) {
        return incidents().stream().filter(e -> name.equals(e.get("name"))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sample incident named '" + name + "'; known: " + names()));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> incidents() {
        try (InputStream in = resource(ROOT + "index.json")) {
            Map<String, Object> index = (Map<String, Object>) MiniJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return (List<Map<String, Object>>) index.get("incidents");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the sample incident index", e);
        }
    }
}
