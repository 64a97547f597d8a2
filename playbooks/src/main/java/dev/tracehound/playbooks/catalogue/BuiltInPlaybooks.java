package dev.tracehound.playbooks.catalogue;

import dev.tracehound.playbooks.format.PlaybookReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The playbooks shipped with Tracehound, under {@code /playbooks/} on the class path. A jar cannot list a folder,
 * so {@code index.txt} names the files; a test keeps it in step with the folder.
 */
public final class BuiltInPlaybooks {
    static final String FOLDER = "/playbooks/";

    private BuiltInPlaybooks() {}

    public static List<String> fileNames() {
        return read("index.txt").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    public static List<CatalogueEntry> load() {
        List<CatalogueEntry> entries = new ArrayList<>();
        for (String name : fileNames()) {
            String yaml = read(name);
            entries.add(new CatalogueEntry(PlaybookReader.read(yaml, "built-in:" + name), CatalogueEntry.BUILT_IN, yaml));
        }
        return entries;
    }

    private static String read(String name) {
        try (InputStream in = BuiltInPlaybooks.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) throw new IllegalStateException("built-in playbook resource missing: " + FOLDER + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
