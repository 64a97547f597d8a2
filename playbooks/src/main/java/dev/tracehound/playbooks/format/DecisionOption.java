package dev.tracehound.playbooks.format;

/** One answer of a decision step and the step it leads to. */
public record DecisionOption(String label, String next) {}
