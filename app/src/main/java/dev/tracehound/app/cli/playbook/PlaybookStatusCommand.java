package dev.tracehound.app.cli.playbook;

import dev.tracehound.app.cli.CaseOption;
import dev.tracehound.app.cli.OutputOptions;
import dev.tracehound.playbooks.format.Step;
import dev.tracehound.playbooks.run.PlaybookRun;
import dev.tracehound.playbooks.run.PlaybookRuns;
import dev.tracehound.playbooks.run.StepState;
import dev.tracehound.timeline.store.Case;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show a run's progress by phase and the state of every step; without RUN, all runs of the case.")
public final class PlaybookStatusCommand implements Callable<Integer> {
    @Mixin CaseOption caseOption;
    @Mixin OutputOptions output;

    @Parameters(paramLabel = "RUN", arity = "0..1", description = "The run id (optional when the case has one run).")
    String runId;

    @Override
    public Integer call() {
        try (Case c = caseOption.openForReading()) {
            PlaybookRuns runs = new PlaybookRuns(c);
            List<PlaybookRun> all = runs.list();
            if (runId == null && all.size() != 1) {
                if (output.json()) {
                    output.printJson(all.stream().map(PlaybookViews::run).toList());
                    return 0;
                }
                TextTable t = new TextTable("RUN", "VERSION", "PROGRESS", "STARTED", "TITLE");
                all.forEach(r -> t.row(r.id(), r.playbookVersion(), r.totalProgress(), r.startedAt() + " " + r.startedBy(), r.playbook().title()));
                if (all.isEmpty()) output.out().println("no playbook runs in this case (see: playbook suggest, playbook start)");
                else t.print(output.out());
                output.out().flush();
                return 0;
            }
            PlaybookRun run = runs.resolve(runId);
            if (output.json()) {
                output.printJson(PlaybookViews.run(run));
                return 0;
            }
            print(run, output.out());
        }
        return 0;
    }

    static void print(PlaybookRun run, PrintWriter out) {
        out.println(run.id() + ": " + run.playbook().title() + " (version " + run.playbookVersion() + ") — " + run.totalProgress());
        run.playbook().phases().forEach((phase, steps) -> {
            out.println("\n" + phase.title() + " " + run.progress().get(phase));
            TextTable t = new TextTable("  STATE", "STEP", "BY", "CHECK", "TITLE");
            for (Step s : steps) {
                StepState st = run.state(s.id());
                String check = s.check() == null ? "" : st.check() == null ? "not run" : st.check().outcome().name();
                String by = st.done() ? st.doneBy() + (st.auto() ? " (auto)" : "") : "";
                t.row("  " + run.status(s.id()).name().toLowerCase(java.util.Locale.ROOT), s.id(), by, check, s.title());
            }
            t.print(out);
        });
        out.flush();
    }
}
