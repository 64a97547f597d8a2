package dev.tracehound.playbooks.run;

import dev.tracehound.playbooks.catalogue.Catalogue;
import dev.tracehound.playbooks.catalogue.CatalogueEntry;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.FindingStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Suggests playbooks from a case's findings: a finding of detector X suggests every playbook that references X;
 * failing that, a playbook sharing a MITRE ATLAS technique with a finding is suggested as a weaker match. Findings
 * marked false positive suggest nothing. Playbooks whose main (first-listed) detector has findings come first: an
 * indirect-injection finding puts the indirect-injection playbook above the others that also mention it. Among
 * those, findings that follow from another finding count less: a harmful action whose source is the untrusted input
 * another detector flagged (tool abuse caused by an injected document) points at the injection's playbook, not at
 * its own. Then the most severe root finding leads (a CRITICAL system-prompt leak beside two HIGH direct injections
 * leads to the leakage playbook). Ties go to more shared ATLAS ids, then to the playbook named after the detector.
 */
public final class Suggester {
    private Suggester() {}

    public static List<Suggestion> suggest(List<Finding> findings, Catalogue catalogue) {
        List<Finding> live = findings.stream().filter(f -> f.status() != FindingStatus.FALSE_POSITIVE).toList();
        List<Suggestion> out = new ArrayList<>();
        for (CatalogueEntry entry : catalogue.entries()) {
            Set<String> refs = entry.playbook().detectors();
            Set<String> detectors = new LinkedHashSet<>();
            Set<String> ids = new LinkedHashSet<>();
            Set<String> atlas = new LinkedHashSet<>();
            for (Finding f : live) {
                for (String ref : refs) {
                    if (ref.equals(f.detector())) {
                        detectors.add(ref);
                        ids.add(f.id());
                    }
                }
            }
            boolean byDetector = !detectors.isEmpty();
            for (Finding f : live) {
                if (byDetector && !ids.contains(f.id())) continue; // with a detector match, ATLAS only ranks
                List<String> shared = f.atlas().stream().filter(entry.playbook().references().atlas()::contains).toList();
                atlas.addAll(shared);
                if (!byDetector && !shared.isEmpty()) ids.add(f.id());
            }
            if (!ids.isEmpty()) out.add(new Suggestion(entry, List.copyOf(detectors), List.copyOf(ids), List.copyOf(atlas)));
        }
        List<Finding> roots = live.stream().filter(f -> !followsFromAnother(f, live)).toList();
        out.sort(Comparator.comparing((Suggestion s) -> s.detectors().isEmpty())
                .thenComparing(s -> !s.detectors().contains(mainDetector(s.entry())))
                .thenComparing(s -> -worstOf(roots, mainDetector(s.entry())))
                .thenComparing(s -> -s.sharedAtlas().size())
                .thenComparing(s -> !s.detectors().contains(s.entry().playbook().id()))
                .thenComparing(s -> -s.findingIds().size())
                .thenComparing(s -> s.entry().playbook().id()));
        return out;
    }

    /**
     * Whether a finding about an action (it has a sink) starts from input another detector's finding is about: that
     * finding names the cause. A finding without a sink is about the input itself and follows from nothing.
     */
    static boolean followsFromAnother(Finding f, List<Finding> live) {
        if (f.sinkEventId() == null || f.sourceEventId() == null) return false;
        return live.stream().anyMatch(g -> !g.detector().equals(f.detector()) && g.sinkEventId() == null
                && (f.sourceEventId().equals(g.sourceEventId()) || g.eventIds().contains(f.sourceEventId())));
    }

    /** The highest severity among these findings of a detector, as a rank (-1 for none). */
    private static int worstOf(List<Finding> live, String detector) {
        return live.stream().filter(f -> f.detector().equals(detector)).mapToInt(f -> f.severity().ordinal()).max().orElse(-1);
    }

    private static String mainDetector(CatalogueEntry entry) {
        return entry.playbook().detectors().stream().findFirst().orElse("");
    }
}
