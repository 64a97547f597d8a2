package dev.tracehound.timeline.findings;

/** Finding severity, ordered from least to most severe. */
public enum Severity { INFO, LOW, MEDIUM, HIGH, CRITICAL;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
