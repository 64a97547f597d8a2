package dev.tracehound.app.ui.playbooks;

import dev.tracehound.playbooks.format.Phase;
import dev.tracehound.playbooks.format.Step;
import dev.tracehound.playbooks.run.StepState;
import dev.tracehound.playbooks.run.StepStatus;

/** One step of the selected run as the checklist shows it; a phase heading when {@code step} is null. */
public record StepRow(Phase phase, Step step, StepStatus status, StepState state) {

    public boolean isHeading() {
        return step == null;
    }
}
