package dev.tracehound.playbooks.run;

import java.util.List;

/**
 * An investigator marking a step done, with what supports it.
 *
 * @param choice for decision steps: the label of the option taken (required there, refused elsewhere)
 */
public record Tick(String stepId, String note, List<String> events, List<String> findings, List<String> replays, String choice) {
    public Tick {
        events = events == null ? List.of() : List.copyOf(events);
        findings = findings == null ? List.of() : List.copyOf(findings);
        replays = replays == null ? List.of() : List.copyOf(replays);
    }

    public static Tick of(String stepId) {
        return new Tick(stepId, null, null, null, null, null);
    }
}
