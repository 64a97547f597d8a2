package dev.tracehound.app.cli.playbook;

import dev.tracehound.app.cli.CaseOption;
import dev.tracehound.app.cli.OutputOptions;
import dev.tracehound.playbooks.catalogue.Catalogue;
import dev.tracehound.playbooks.catalogue.CatalogueEntry;
import dev.tracehound.playbooks.run.PlaybookRun;
import dev.tracehound.playbooks.run.PlaybookRuns;
import dev.tracehound.timeline.audit.Actors;
import dev.tracehound.timeline.store.Case;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Start a playbook in a case. The run keeps a copy of the playbook version it started with.")
public final class PlaybookStartCommand implements Callable<Integer> {
    @Mixin CaseOption caseOption;
    @Mixin OutputOptions output;

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Parameters(paramLabel = "ID", description = "A playbook id from the catalogue.")
        String id;

        @Option(names = "--file", paramLabel = "FILE", description = "Start a playbook straight from a YAML file.")
        Path file;
    }

    @Override
    public Integer call() throws Exception {
        CatalogueEntry entry = source.file != null ? CatalogueEntry.fromFile(source.file) : Catalogue.load().get(source.id);
        try (Case c = caseOption.open()) {
            PlaybookRun run = new PlaybookRuns(c).start(entry, Actors.current());
            if (output.json()) {
                output.printJson(PlaybookViews.run(run));
            } else {
                output.out().println("started " + run.id() + " (" + run.playbook().title() + ", version " + run.playbookVersion()
                        + ", " + run.playbook().steps().size() + " steps)");
                output.out().println("next: playbook check --case " + caseOption.dir() + " " + run.id());
                output.out().flush();
            }
        }
        return 0;
    }
}
