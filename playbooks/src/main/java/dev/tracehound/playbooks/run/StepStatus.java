package dev.tracehound.playbooks.run;

/** Where a step stands in a run. */
public enum StepStatus {
    OPEN,
    DONE,
    /** On a branch a decision did not take. */
    SKIPPED
}
