package dev.tracehound.playbooks.catalogue;

import dev.tracehound.playbooks.format.PlaybookException;
import dev.tracehound.playbooks.format.PlaybookReader;
import dev.tracehound.playbooks.format.Playbook;
import dev.tracehound.playbooks.format.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Playbooks a team imported, one validated YAML file per playbook ({@code <id>.yaml}) in a folder. A broken file
 * someone dropped in by hand is reported, not fatal.
 */
public final class UserCatalogue {
    private final Path dir;

    public UserCatalogue(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The valid playbooks of the folder, and a problem for every file that is not one. */
    public Listing list() {
        List<CatalogueEntry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) return new Listing(entries, problems);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList()) {
                try {
                    String yaml = PlaybookReader.readText(f); // the size and encoding limits of validate and import
                    entries.add(new CatalogueEntry(PlaybookReader.read(yaml, f.toString()), CatalogueEntry.USER, yaml));
                } catch (PlaybookException e) {
                    problems.addAll(e.problems()); // unreadable, too large or not UTF-8 included
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the playbook folder " + dir, e);
        }
        return new Listing(entries, problems);
    }

    /**
     * Validates a file and stores its text unchanged in the folder as {@code <id>.yaml}.
     *
     * @param replace whether an imported playbook with the same id may be overwritten
     */
    public CatalogueEntry importFile(Path file, boolean replace) {
        CatalogueEntry read = CatalogueEntry.fromFile(file); // read once: what is validated is what is stored
        Playbook playbook = read.playbook();
        Path target = dir.resolve(playbook.id() + ".yaml");
        try {
            if (Files.exists(target) && !replace) {
                throw new IllegalArgumentException("a playbook '" + playbook.id() + "' is already imported (" + target
                        + "); use --replace to overwrite it");
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".import-", ".yaml");
            Files.writeString(tmp, read.yaml(), StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new CatalogueEntry(playbook, CatalogueEntry.USER, read.yaml());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    public record Listing(List<CatalogueEntry> entries, List<Problem> problems) {}
}
