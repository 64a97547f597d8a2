package dev.tracehound.playbooks.format;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An incident playbook: steps grouped by phase, with the ids of what it covers. Immutable once read. */
public record Playbook(
        String id,
        String title,
        String version,
        String incidentType,
        String summary,
        References references,
        Map<Phase, List<Step>> phases) {

    public Playbook {
        references = references == null ? References.none() : references;
        EnumMap<Phase, List<Step>> ordered = new EnumMap<>(Phase.class);
        if (phases != null) phases.forEach((phase, steps) -> {
            if (phase != null) ordered.put(phase, steps == null ? List.of() : List.copyOf(steps));
        });
        phases = Collections.unmodifiableMap(ordered);
    }

    /** Every step in phase order. */
    @JsonIgnore
    public List<Step> steps() {
        List<Step> all = new ArrayList<>();
        phases.values().forEach(all::addAll);
        return all;
    }

    public Optional<Step> step(String stepId) {
        return steps().stream().filter(s -> s.id() != null && s.id().equals(stepId)).findFirst();
    }

    public Optional<Phase> phaseOf(String stepId) {
        return phases.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(s -> stepId.equals(s.id())))
                .map(Map.Entry::getKey).findFirst();
    }

    /** Detectors whose findings make this playbook relevant: the referenced ones and those its checks use. */
    @JsonIgnore
    public Set<String> detectors() {
        Set<String> ids = new LinkedHashSet<>(references.detectors());
        for (Step s : steps()) {
            if (s.check() != null && s.check().type() == CheckType.DETECTOR && s.check().detector() != null) {
                ids.add(s.check().detector());
            }
        }
        return ids;
    }
}
