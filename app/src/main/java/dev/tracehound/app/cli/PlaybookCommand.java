package dev.tracehound.app.cli;

import dev.tracehound.app.cli.playbook.PlaybookCheckCommand;
import dev.tracehound.app.cli.playbook.PlaybookExportCommand;
import dev.tracehound.app.cli.playbook.PlaybookImportCommand;
import dev.tracehound.app.cli.playbook.PlaybookListCommand;
import dev.tracehound.app.cli.playbook.PlaybookShowCommand;
import dev.tracehound.app.cli.playbook.PlaybookStartCommand;
import dev.tracehound.app.cli.playbook.PlaybookStatusCommand;
import dev.tracehound.app.cli.playbook.PlaybookSuggestCommand;
import dev.tracehound.app.cli.playbook.PlaybookTickCommand;
import dev.tracehound.app.cli.playbook.PlaybookValidateCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tracehound playbook ...}: incident playbooks, their runs in a case, and checklists. */
@Command(
        name = "playbook",
        mixinStandardHelpOptions = true,
        description = "Incident playbooks: list and share them, start one in a case, tick steps, run automatic checks, export a checklist.",
        subcommands = {
            PlaybookListCommand.class, PlaybookShowCommand.class, PlaybookStartCommand.class, PlaybookSuggestCommand.class,
            PlaybookStatusCommand.class, PlaybookCheckCommand.class, PlaybookTickCommand.class, PlaybookExportCommand.class,
            PlaybookImportCommand.class, PlaybookValidateCommand.class,
        })
public final class PlaybookCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CliErrors.USER_ERROR;
    }
}
