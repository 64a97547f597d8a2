package dev.tracehound.app.ui.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehound.timeline.store.Case;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Saved searches in the case's documents; each save is audited, as every change to a case is. */
public final class SavedSearches {
    static final String COLLECTION = "saved-searches";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SavedSearches() {}

    public static List<SavedSearch> list(Case c) {
        List<SavedSearch> out = new ArrayList<>();
        for (var d : c.documents().list(COLLECTION)) {
            try {
                var n = JSON.readTree(d.json());
                out.add(new SavedSearch(n.path("name").asText(d.id()), n.path("query").asText("")));
            } catch (IOException e) {
                // A document another version wrote in a shape we cannot read is skipped, not fatal.
            }
        }
        return out;
    }

    public static void save(Case c, SavedSearch s, String actor) {
        if (s.name() == null || s.name().isBlank()) throw new IllegalArgumentException("Give the saved search a name.");
        try {
            String json = JSON.writeValueAsString(Map.of("name", s.name().strip(), "query", s.query()));
            c.documents().put(COLLECTION, s.name().strip(), json);
            c.audit().append(actor, "search.save", json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
