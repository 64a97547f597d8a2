package dev.tracehound.app.cli.playbook;

import dev.tracehound.app.cli.OutputOptions;
import dev.tracehound.playbooks.catalogue.CatalogueEntry;
import dev.tracehound.playbooks.catalogue.ConfigDir;
import dev.tracehound.playbooks.catalogue.UserCatalogue;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Validate a playbook file and add it to your catalogue (${TRACEHOUND_CONFIG_DIR:-~/.config/tracehound}/playbooks).")
public final class PlaybookImportCommand implements Callable<Integer> {
    @Mixin OutputOptions output;

    @Parameters(paramLabel = "FILE", description = "The playbook YAML file.")
    Path file;

    @Option(names = "--replace", description = "Overwrite an imported playbook with the same id.")
    boolean replace;

    @Override
    public Integer call() {
        UserCatalogue user = new UserCatalogue(ConfigDir.playbooks());
        CatalogueEntry e = user.importFile(file, replace);
        if (output.json()) output.printJson(PlaybookViews.summary(e));
        else {
            output.out().println("imported " + e.playbook().id() + " " + e.playbook().version() + " into " + user.dir());
            output.out().flush();
        }
        return 0;
    }
}
