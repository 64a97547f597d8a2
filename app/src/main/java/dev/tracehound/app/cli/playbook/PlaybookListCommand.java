package dev.tracehound.app.cli.playbook;

import dev.tracehound.app.cli.OutputOptions;
import dev.tracehound.playbooks.catalogue.Catalogue;
import dev.tracehound.playbooks.catalogue.CatalogueEntry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the built-in and imported playbooks.")
public final class PlaybookListCommand implements Callable<Integer> {
    @Mixin OutputOptions output;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Catalogue catalogue = Catalogue.load();
        catalogue.problems().forEach(p -> spec.commandLine().getErr().println("tracehound: warning: skipped " + p));
        if (output.json()) {
            output.printJson(catalogue.entries().stream().map(PlaybookViews::summary).toList());
            return 0;
        }
        TextTable t = new TextTable("ID", "VERSION", "ORIGIN", "ATLAS", "OWASP", "TITLE");
        for (CatalogueEntry e : catalogue.entries()) {
            var p = e.playbook();
            t.row(p.id(), p.version(), e.origin(), String.join(",", p.references().atlas().stream().filter(a -> a.startsWith("AML.T")).limit(3).toList()),
                    String.join(",", p.references().owasp()), p.title());
        }
        t.print(output.out());
        return 0;
    }
}
