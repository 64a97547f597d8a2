package dev.tracehound.app.cli.playbook;

import dev.tracehound.app.cli.CaseOption;
import dev.tracehound.app.cli.OutputOptions;
import dev.tracehound.playbooks.run.PlaybookRun;
import dev.tracehound.playbooks.run.PlaybookRuns;
import dev.tracehound.playbooks.run.Tick;
import dev.tracehound.timeline.audit.Actors;
import dev.tracehound.timeline.store.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tick", mixinStandardHelpOptions = true,
        description = "Mark a step done, with a note and the evidence that supports it (audited).")
public final class PlaybookTickCommand implements Callable<Integer> {
    @Mixin CaseOption caseOption;
    @Mixin OutputOptions output;

    @Option(names = "--run", paramLabel = "RUN", description = "The run id (optional when the case has one run).")
    String runId;

    @Parameters(paramLabel = "STEP", description = "The step id (see: playbook status).")
    String step;

    @Option(names = "--note", paramLabel = "TEXT", description = "What was done or found.")
    String note;

    @Option(names = "--event", paramLabel = "ID", description = "Link an event (repeatable).")
    List<String> events = new ArrayList<>();

    @Option(names = "--finding", paramLabel = "ID", description = "Link a finding (repeatable).")
    List<String> findings = new ArrayList<>();

    @Option(names = "--replay", paramLabel = "ID", description = "Link a replay run (repeatable).")
    List<String> replays = new ArrayList<>();

    @Option(names = "--choice", paramLabel = "OPTION", description = "For a decision step: the label of the option taken.")
    String choice;

    @Option(names = "--reopen", description = "Mark the step not done again (notes and links stay).")
    boolean reopen;

    @Override
    public Integer call() {
        try (Case c = caseOption.open()) {
            PlaybookRuns runs = new PlaybookRuns(c);
            String id = runs.resolve(runId).id();
            PlaybookRun run = reopen
                    ? runs.reopen(id, step, note, Actors.current())
                    : runs.tick(id, new Tick(step, note, events, findings, replays, choice), Actors.current());
            if (output.json()) {
                output.printJson(PlaybookViews.run(run));
            } else {
                output.out().println((reopen ? "reopened " : "ticked ") + step + " in " + run.id() + " — progress " + run.totalProgress());
                output.out().flush();
            }
        }
        return 0;
    }
}
