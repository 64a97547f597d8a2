package dev.tracehound.app.cli.playbook;

import dev.tracehound.app.cli.CaseOption;
import dev.tracehound.app.cli.OutputOptions;
import dev.tracehound.playbooks.format.Step;
import dev.tracehound.playbooks.run.CheckResult;
import dev.tracehound.playbooks.run.PlaybookRun;
import dev.tracehound.playbooks.run.PlaybookRuns;
import dev.tracehound.timeline.audit.Actors;
import dev.tracehound.timeline.store.Case;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Evaluate a run's automatic checks against the case (searches, findings, replay runs) and record the results.")
public final class PlaybookCheckCommand implements Callable<Integer> {
    @Mixin CaseOption caseOption;
    @Mixin OutputOptions output;

    @Parameters(paramLabel = "RUN", arity = "0..1", description = "The run id (optional when the case has one run).")
    String runId;

    @Override
    public Integer call() {
        try (Case c = caseOption.open()) {
            PlaybookRuns runs = new PlaybookRuns(c);
            PlaybookRun run = runs.check(runs.resolve(runId).id(), Actors.current());
            if (output.json()) {
                output.printJson(PlaybookViews.run(run));
                return 0;
            }
            TextTable t = new TextTable("STEP", "RESULT", "STATE", "DETAIL");
            for (Step s : run.playbook().steps()) {
                if (s.check() == null) continue;
                CheckResult r = run.state(s.id()).check();
                t.row(s.id(), r.outcome(), run.status(s.id()).name().toLowerCase(java.util.Locale.ROOT), r.detail());
            }
            t.print(output.out());
            output.out().println("progress: " + run.totalProgress());
            output.out().flush();
        }
        return 0;
    }
}
