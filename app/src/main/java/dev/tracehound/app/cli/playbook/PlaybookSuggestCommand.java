package dev.tracehound.app.cli.playbook;

import dev.tracehound.app.cli.CaseOption;
import dev.tracehound.app.cli.OutputOptions;
import dev.tracehound.playbooks.catalogue.Catalogue;
import dev.tracehound.playbooks.run.PlaybookRun;
import dev.tracehound.playbooks.run.PlaybookRuns;
import dev.tracehound.playbooks.run.Suggester;
import dev.tracehound.playbooks.run.Suggestion;
import dev.tracehound.timeline.store.Case;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "suggest", mixinStandardHelpOptions = true, description = "Suggest playbooks from the case's findings.")
public final class PlaybookSuggestCommand implements Callable<Integer> {
    @Mixin CaseOption caseOption;
    @Mixin OutputOptions output;

    @Override
    public Integer call() {
        try (Case c = caseOption.openForReading()) {
            List<Suggestion> suggestions = Suggester.suggest(c.findings().list(), Catalogue.load());
            Set<String> started = new PlaybookRuns(c).list().stream().map(PlaybookRun::playbookId).collect(Collectors.toSet());
            if (output.json()) {
                output.printJson(suggestions.stream().map(s -> {
                    Map<String, Object> m = new LinkedHashMap<>(PlaybookViews.summary(s.entry()));
                    m.put("reason", s.reason());
                    m.put("findings", s.findingIds());
                    m.put("alreadyStarted", started.contains(s.entry().playbook().id()));
                    return m;
                }).toList());
                return 0;
            }
            if (suggestions.isEmpty()) {
                output.out().println("no playbook matches this case's findings (run the detectors first, or pick one from: playbook list)");
                output.out().flush();
                return 0;
            }
            TextTable t = new TextTable("ID", "STARTED", "WHY", "TITLE");
            for (Suggestion s : suggestions) {
                t.row(s.entry().playbook().id(), started.contains(s.entry().playbook().id()) ? "yes" : "", s.reason(), s.entry().playbook().title());
            }
            t.print(output.out());
        }
        return 0;
    }
}
