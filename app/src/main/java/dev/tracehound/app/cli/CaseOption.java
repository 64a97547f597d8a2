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
     * Opens the case for a command that changes it (import, analyze, annotate, finding status, playbook steps, replay,
     * reports and exports, which are audited): the write lock, one program at a time. Errors reach the user as their
     * message, via {@link CliErrors}. A case whose audit log no longer ends where its head file says still opens for
     * reading, with a warning on stderr (writing commands then stop). So does a read-only case (read-only media or
     * files), with a note: reading it changes nothing and is not audited.
     */
    public Case open() {
        return noted(Cases.open(dir));
    }

    /**
     * Opens the case for a command that only reads it (search, sessions, timeline, findings, case info, verify,
     * playbook status and suggest): shared with other programs reading it meanwhile, kept from writers while it reads
     * ({@link Cases#openForReading}). Reading changes nothing and is not audited, so no note is printed for an ordinary
     * case; a read-only one gets the same note as from {@link #open}, and an audit log problem the same warning.
     */
    public Case openForReading() {
        return noted(Cases.openForReading(dir));
    }

    private Case noted(Case c) {
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
