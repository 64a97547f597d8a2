package dev.tracehound.playbooks.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.tracehound.playbooks.format.DecisionOption;
import dev.tracehound.playbooks.format.Phase;
import dev.tracehound.playbooks.format.Playbook;
import dev.tracehound.playbooks.format.Step;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A playbook being worked on in a case. It carries its own copy of the playbook as it was when the run started,
 * so a later catalogue version never changes what an investigation followed.
 *
 * @param origin where the playbook came from: built-in, user, or a file path
 * @param steps the state of every step touched so far, by step id
 */
public record PlaybookRun(
        String id,
        String playbookId,
        String playbookVersion,
        String origin,
        String startedBy,
        String startedAt,
        Playbook playbook,
        Map<String, StepState> steps) {

    public PlaybookRun {
        steps = steps == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(steps));
    }

    public StepState state(String stepId) {
        return steps.getOrDefault(stepId, StepState.open());
    }

    PlaybookRun with(String stepId, StepState state) {
        Map<String, StepState> all = new LinkedHashMap<>(steps);
        all.put(stepId, state);
        return new PlaybookRun(id, playbookId, playbookVersion, origin, startedBy, startedAt, playbook, all);
    }

    public StepStatus status(String stepId) {
        if (state(stepId).done()) return StepStatus.DONE;
        return skipped().contains(stepId) ? StepStatus.SKIPPED : StepStatus.OPEN;
    }

    /**
     * Steps left out by decisions: the targets of options not taken that the taken option does not lead to and that
     * no other still-open decision could lead to.
     */
    @JsonIgnore
    public Set<String> skipped() {
        Set<String> notTaken = new HashSet<>();
        Set<String> reachable = new HashSet<>();
        for (Step s : playbook.steps()) {
            if (!s.isDecision()) continue;
            String choice = state(s.id()).choice();
            for (DecisionOption o : s.options()) {
                if (choice != null && !o.label().equals(choice)) notTaken.add(o.next());
                else reachable.add(o.next());
            }
        }
        notTaken.removeAll(reachable);
        notTaken.removeIf(id -> state(id).done());
        return notTaken;
    }

    /** Done and skipped steps against all steps, per phase in phase order. */
    @JsonIgnore
    public Map<Phase, Progress> progress() {
        Set<String> skipped = skipped();
        Map<Phase, Progress> byPhase = new LinkedHashMap<>();
        playbook.phases().forEach((phase, list) -> {
            int done = (int) list.stream().filter(s -> state(s.id()).done()).count();
            int skip = (int) list.stream().filter(s -> skipped.contains(s.id())).count();
            byPhase.put(phase, new Progress(done, skip, list.size()));
        });
        return byPhase;
    }

    @JsonIgnore
    public Progress totalProgress() {
        return progress().values().stream().reduce(new Progress(0, 0, 0), Progress::plus);
    }
}
