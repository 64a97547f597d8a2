package dev.tracehound.importers;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The registry of importers: every importer is listed once, in
 * {@code META-INF/services/dev.tracehound.importers.Importer}, and found here by format name or by
 * sniffing a file's head.
 */
public final class Importers {
    /** Below this confidence no importer claims a file. */
    public static final int MIN_CONFIDENCE = 20;

    private Importers() {}

    /** Every registered importer, sorted by format name. */
    public static List<Importer> all() {
        return ServiceLoader.load(Importer.class, Importers.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(Importer::format))
                .toList();
    }

    public static List<String> formats() {
        return all().stream().map(Importer::format).toList();
    }

    public static Importer byFormat(String name) {
        return all().stream()
                .filter(i -> i.format().equalsIgnoreCase(name == null ? "" : name.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown format '" + name + "'; known formats: " + String.join(", ", formats())));
    }

    /** The importer most confident about this head, or an error naming the formats to choose from. */
    public static Importer detect(FileHead head) {
        Importer best = null;
        int bestScore = 0;
        for (Importer importer : all()) {
            int score;
            try {
                score = importer.detect(head);
            } catch (RuntimeException e) {
                score = 0; // detection must not throw; a buggy detector just does not claim the file
            }
            if (score > bestScore) {
                best = importer;
                bestScore = score;
            }
        }
        if (best == null || bestScore < MIN_CONFIDENCE) {
            throw new IllegalArgumentException("could not recognise the format of " + head.fileName()
                    + "; use --format with one of " + all().stream().map(Importer::format).collect(Collectors.joining(", ")));
        }
        return best;
    }

    /** Detects the format of a file on disk from its (decompressed) first 64 KiB. */
    public static Importer detect(java.nio.file.Path file) throws java.io.IOException {
        return detect(FileHeads.read(file));
    }
}
