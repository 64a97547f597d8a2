package dev.tracehound.playbooks.run;

import dev.tracehound.playbooks.catalogue.CatalogueEntry;
import java.util.List;

/**
 * A playbook worth starting, and why.
 *
 * @param detectors detectors with findings that the playbook references (the strong reason)
 * @param findingIds the findings behind the suggestion
 * @param sharedAtlas ATLAS ids the findings and the playbook have in common (the weak reason when no detector matches,
 *     else a tie-breaker)
 */
public record Suggestion(CatalogueEntry entry, List<String> detectors, List<String> findingIds, List<String> sharedAtlas) {
    public String reason() {
        if (!detectors.isEmpty()) return findingIds.size() + " finding(s) of " + String.join(", ", detectors);
        return "findings share ATLAS " + String.join(", ", sharedAtlas);
    }
}
