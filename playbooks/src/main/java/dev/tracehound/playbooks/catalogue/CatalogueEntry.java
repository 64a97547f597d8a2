package dev.tracehound.playbooks.catalogue;

import dev.tracehound.playbooks.format.Playbook;
import dev.tracehound.playbooks.format.PlaybookReader;
import java.nio.file.Path;

/**
 * A playbook known to Tracehound and where it came from.
 *
 * @param origin {@code built-in}, {@code user} or the path of a file started directly
 * @param yaml the text it was read from, so exports give teams the file exactly as written
 */
public record CatalogueEntry(Playbook playbook, String origin, String yaml) {
    public static final String BUILT_IN = "built-in";
    public static final String USER = "user";

    /** A playbook read and validated straight from a file; its origin is the file's absolute path. */
    public static CatalogueEntry fromFile(Path file) {
        String yaml = PlaybookReader.readText(file);
        return new CatalogueEntry(PlaybookReader.read(yaml, file.toString()), file.toAbsolutePath().toString(), yaml);
    }
}
