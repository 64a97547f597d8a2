package dev.tracehound.playbooks.export;

import dev.tracehound.playbooks.format.DecisionOption;
import dev.tracehound.playbooks.format.Phase;
import dev.tracehound.playbooks.format.Step;
import dev.tracehound.playbooks.run.CheckResult;
import dev.tracehound.playbooks.run.Note;
import dev.tracehound.playbooks.run.PlaybookRun;
import dev.tracehound.playbooks.run.Progress;
import dev.tracehound.playbooks.run.StepState;
import dev.tracehound.playbooks.run.StepStatus;
import java.util.List;
import java.util.Map;

/** A playbook run as a printable checklist: every step with its state, who did it and when, notes, evidence and check. */
public final class Checklist {
    private Checklist() {}

    public static String markdown(PlaybookRun run, String caseName) {
        return render(run, caseName, new MarkdownWriter());
    }

    /** XHTML, well-formed so the PDF renderer can read it; every text is escaped. */
    public static String html(PlaybookRun run, String caseName) {
        return render(run, caseName, new HtmlWriter(run.playbook().title() + " — " + run.id()));
    }

    static String render(PlaybookRun run, String caseName, ChecklistWriter w) {
        var p = run.playbook();
        w.title(p.title());
        w.field("Case", caseName);
        w.field("Run", run.id());
        w.field("Playbook", p.id() + " version " + p.version() + " (" + run.origin() + ")");
        w.field("Incident type", p.incidentType());
        w.field("Started", run.startedAt() + " by " + run.startedBy());
        w.field("References", references(p.references().atlas(), p.references().owasp()));
        if (!p.references().cosai().isEmpty()) w.field("CoSAI AI IR Framework v1.0", "sections " + String.join(", ", p.references().cosai()));
        if (p.summary() != null) w.paragraph(p.summary());
        w.list("Progress", progress(run));
        for (Map.Entry<Phase, List<Step>> phase : p.phases().entrySet()) {
            if (phase.getValue().isEmpty()) continue;
            w.section(phase.getKey().title() + " — " + run.progress().get(phase.getKey()));
            for (Step step : phase.getValue()) step(run, step, w);
        }
        return w.finish();
    }

    private static void step(PlaybookRun run, Step step, ChecklistWriter w) {
        StepStatus status = run.status(step.id());
        StepState state = run.state(step.id());
        w.step(mark(status), step.title() + " (" + step.id() + ")");
        w.field("State", state(status, state));
        w.paragraph(step.guidance());
        if (!step.evidence().isEmpty()) w.list("Expected evidence", step.evidence());
        if (step.isDecision()) {
            w.list("Options", step.options().stream().map(o -> option(o, state.choice())).toList());
        }
        if (step.check() != null) {
            w.field("Automatic check", step.check().describe());
            CheckResult r = state.check();
            w.field("Check result", r == null ? "not evaluated" : r.outcome() + " — " + r.detail() + " (" + r.at() + ", " + r.by() + ")");
        }
        if (!state.notes().isEmpty()) w.list("Notes", state.notes().stream().map(Checklist::note).toList());
        if (!state.events().isEmpty()) w.list("Linked events", state.events());
        if (!state.findings().isEmpty()) w.list("Linked findings", state.findings());
        if (!state.replays().isEmpty()) w.list("Linked replay runs", state.replays());
    }

    private static List<String> progress(PlaybookRun run) {
        List<String> lines = new java.util.ArrayList<>();
        run.progress().forEach((phase, pr) -> lines.add(phase.title() + ": " + pr));
        Progress total = run.totalProgress();
        lines.add("Total: " + total + (total.complete() ? " — complete" : ""));
        return lines;
    }

    private static String state(StepStatus status, StepState s) {
        return switch (status) {
            case DONE -> "done by " + s.doneBy() + " at " + s.doneAt() + (s.auto() ? " (automatic check)" : "")
                    + (s.choice() != null ? ", chose: " + s.choice() : "");
            case SKIPPED -> "skipped (on a branch not taken)";
            case OPEN -> "open";
        };
    }

    private static String mark(StepStatus status) {
        return switch (status) {
            case DONE -> "[x]";
            case SKIPPED -> "[-]";
            case OPEN -> "[ ]";
        };
    }

    private static String option(DecisionOption o, String choice) {
        // plain punctuation only: the PDF's built-in fonts have no arrow glyph
        return o.label() + " — next: " + o.next() + (o.label().equals(choice) ? " (chosen)" : "");
    }

    private static String note(Note n) {
        return n.at() + " " + n.by() + ": " + n.text();
    }

    private static String references(List<String> atlas, List<String> owasp) {
        String a = atlas.isEmpty() ? "" : "MITRE ATLAS " + String.join(", ", atlas);
        String o = owasp.isEmpty() ? "" : "OWASP LLM Top 10 (2025) " + String.join(", ", owasp);
        return a.isEmpty() || o.isEmpty() ? a + o : a + "; " + o;
    }
}
