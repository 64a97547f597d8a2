package dev.tracehound.app.cli;

import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --case DIR} option shared by every command that works on a case; use as a picocli {@code @Mixin}. */
public final class CaseOption {
    @Option(names = "--case", required = true, paramLabel = "DIR", description = "The case folder.")
    Path dir;

    public Path dir() {
        return dir;
    }

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE) picocli.CommandLine.Model.CommandSpec spec;

    /**
     * Opens the case; errors reach the user as their message, via {@link CliErrors}. A case whose audit log no longer
     * ends where its head file says still opens for reading, with a warning on stderr (writing commands then stop). So
     * does a read-only case (read-only media or files), with a note: reading it changes nothing and is not audited.
     */
    public Case open() {
        Case c = Cases.open(dir);
        c.readOnly().ifPresent(why -> {
            if (spec == null) return;
            var err = spec.commandLine().getErr();
            err.println("tracehound: note: the case is read-only (" + why + "); it is open for reading, and changes are refused");
            err.flush();
        });
        c.audit().headProblem().ifPresent(problem -> {
            if (spec == null) return;
            var err = spec.commandLine().getErr();
            err.println("tracehound: warning: the case's audit log does not match its head file: " + problem
                    + "; run `tracehound verify --case " + dir + "`");
            err.flush();
        });
        return c;
    }
}
