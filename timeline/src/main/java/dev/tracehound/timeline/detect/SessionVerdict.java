package dev.tracehound.timeline.detect;

import dev.tracehound.timeline.findings.Finding;
import java.util.List;
import java.util.Set;

/**
 * The two questions an investigator asks first of a session, answered from its findings: did it contain an
 * injection attempt, and did the agent act on injected instructions (a finding that ends in an action sink).
 */
public record SessionVerdict(boolean injectionAttempt, boolean compromised) {

    /** Detectors whose findings mean someone tried to instruct the model from outside its principals. */
    public static final Set<String> INJECTION_DETECTORS = Set.of("indirect-prompt-injection", "direct-prompt-injection",
            "context-poisoning", "tool-poisoning", "tool-abuse");

    /** Detectors whose findings with a sink mean the agent acted on injected instructions. */
    public static final Set<String> COMPROMISE_DETECTORS = Set.of("tool-abuse", "direct-prompt-injection");

    public static SessionVerdict of(List<Finding> findings) {
        boolean injection = findings.stream().anyMatch(f -> INJECTION_DETECTORS.contains(f.detector()));
        boolean compromised = findings.stream().anyMatch(f -> COMPROMISE_DETECTORS.contains(f.detector()) && f.sinkEventId() != null);
        return new SessionVerdict(injection, compromised);
    }
}
