package dev.tracehound.app.cli.playbook;

import dev.tracehound.app.cli.OutputOptions;
import dev.tracehound.playbooks.catalogue.Catalogue;
import dev.tracehound.playbooks.catalogue.CatalogueEntry;
import dev.tracehound.playbooks.format.DecisionOption;
import dev.tracehound.playbooks.format.Playbook;
import dev.tracehound.playbooks.format.Step;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a playbook's phases and steps; --yaml prints its file, to share it or adapt it.")
public final class PlaybookShowCommand implements Callable<Integer> {
    @Mixin OutputOptions output;

    @Parameters(paramLabel = "ID", description = "The playbook id (see: playbook list).")
    String id;

    @Option(names = "--yaml", description = "Print the playbook file as YAML (redirect to a file to export it).")
    boolean yaml;

    @Override
    public Integer call() {
        CatalogueEntry entry = Catalogue.load().get(id);
        Playbook p = entry.playbook();
        if (output.json()) {
            output.printJson(p);
            return 0;
        }
        PrintWriter out = output.out();
        if (yaml) {
            out.print(entry.yaml());
            out.flush();
            return 0;
        }
        out.println(p.title() + "  [" + p.id() + " " + p.version() + ", " + entry.origin() + "]");
        out.println("Incident type: " + p.incidentType());
        out.println("ATLAS: " + String.join(", ", p.references().atlas()) + "   OWASP: " + String.join(", ", p.references().owasp()));
        out.println("Suggested by detectors: " + String.join(", ", p.detectors()));
        if (p.summary() != null) out.println("\n" + p.summary());
        p.phases().forEach((phase, steps) -> {
            out.println("\n" + phase.title().toUpperCase(java.util.Locale.ROOT));
            for (Step s : steps) {
                out.println("  " + s.id() + ": " + s.title());
                if (s.check() != null) out.println("      check: " + s.check().describe());
                for (DecisionOption o : s.options()) out.println("      option: " + o.label() + " -> " + o.next());
            }
        });
        out.flush();
        return 0;
    }
}
