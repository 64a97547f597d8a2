package dev.tracehound.playbooks.catalogue;

import dev.tracehound.playbooks.format.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every playbook available: the built-in ones, then the user's imported ones. An imported playbook with the id of a
 * built-in one replaces it, so a team can adapt a shipped playbook and keep its id.
 */
public final class Catalogue {
    private final Map<String, CatalogueEntry> byId = new LinkedHashMap<>();
    private final List<Problem> problems;

    private Catalogue(List<CatalogueEntry> builtIn, UserCatalogue.Listing user) {
        builtIn.forEach(e -> byId.put(e.playbook().id(), e));
        user.entries().forEach(e -> byId.put(e.playbook().id(), e));
        this.problems = user.problems();
    }

    /** Built-in playbooks plus those in the user folder ({@link ConfigDir#playbooks()}). */
    public static Catalogue load() {
        return load(ConfigDir.playbooks());
    }

    public static Catalogue load(Path userDir) {
        return new Catalogue(BuiltInPlaybooks.load(), new UserCatalogue(userDir).list());
    }

    public List<CatalogueEntry> entries() {
        return new ArrayList<>(byId.values());
    }

    public Optional<CatalogueEntry> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @throws IllegalArgumentException naming the known ids when there is no such playbook */
    public CatalogueEntry get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException(
                "no playbook '" + id + "'; known: " + String.join(", ", byId.keySet()) + " (see: playbook list)"));
    }

    /** Files in the user folder that could not be read as playbooks. */
    public List<Problem> problems() {
        return problems;
    }
}
