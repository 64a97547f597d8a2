package dev.tracehound.playbooks.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What has happened to one step in a run.
 *
 * @param auto true when the step was marked done by its automatic check rather than by a person
 * @param choice for decision steps: the label of the option taken
 * @param events linked event ids; {@code findings} finding ids; {@code replays} replay run ids
 * @param check the last evaluation of the step's automatic check, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepState(
        boolean done,
        String doneBy,
        String doneAt,
        boolean auto,
        String choice,
        List<Note> notes,
        List<String> events,
        List<String> findings,
        List<String> replays,
        CheckResult check) {

    public StepState {
        notes = notes == null ? List.of() : List.copyOf(notes);
        events = events == null ? List.of() : List.copyOf(events);
        findings = findings == null ? List.of() : List.copyOf(findings);
        replays = replays == null ? List.of() : List.copyOf(replays);
    }

    public static StepState open() {
        return new StepState(false, null, null, false, null, null, null, null, null, null);
    }

    StepState ticked(String by, String at, boolean automatic, String chosen) {
        return new StepState(true, by, at, automatic, chosen != null ? chosen : choice, notes, events, findings, replays, check);
    }

    StepState reopened() {
        return new StepState(false, null, null, false, null, notes, events, findings, replays, check);
    }

    StepState withNote(Note note) {
        List<Note> all = new ArrayList<>(notes);
        all.add(note);
        return new StepState(done, doneBy, doneAt, auto, choice, all, events, findings, replays, check);
    }

    StepState linking(List<String> moreEvents, List<String> moreFindings, List<String> moreReplays) {
        return new StepState(done, doneBy, doneAt, auto, choice, notes, union(events, moreEvents),
                union(findings, moreFindings), union(replays, moreReplays), check);
    }

    StepState checked(CheckResult result) {
        return new StepState(done, doneBy, doneAt, auto, choice, notes, events, findings, replays, result);
    }

    private static List<String> union(List<String> a, List<String> b) {
        LinkedHashSet<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
