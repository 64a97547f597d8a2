package dev.tracehound.app.cli.playbook;

import dev.tracehound.app.cli.OutputOptions;
import dev.tracehound.playbooks.format.Playbook;
import dev.tracehound.playbooks.format.PlaybookException;
import dev.tracehound.playbooks.format.PlaybookReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a playbook file; every problem is printed as FILE:LINE:COLUMN: what is wrong. Exit 2 when invalid.")
public final class PlaybookValidateCommand implements Callable<Integer> {
    @Mixin OutputOptions output;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The playbook YAML file.")
    Path file;

    @Override
    public Integer call() {
        try {
            Playbook p = PlaybookReader.read(file);
            if (output.json()) output.printJson(Map.of("valid", true, "id", p.id(), "version", p.version(), "problems", List.of()));
            else {
                output.out().println(file + ": valid (" + p.id() + " " + p.version() + ", " + p.steps().size() + " steps)");
                output.out().flush();
            }
            return 0;
        } catch (PlaybookException e) {
            if (output.json()) {
                output.printJson(Map.of("valid", false, "problems", e.problems()));
            } else {
                PrintWriter err = spec.commandLine().getErr();
                e.problems().forEach(err::println);
                err.flush();
            }
            return 2;
        }
    }
}
