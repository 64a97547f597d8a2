package dev.tracehound.app.cli;

import dev.tracehound.app.format.Texts;
import dev.tracehound.timeline.evidence.EvidenceRecord;
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
        Case c = noted(Cases.openForReading(dir));
        warnOfUnfinishedImports(c);
        return c;
    }

    /**
     * A file whose import was stopped (killed, power lost) is still marked importing: its events are only partly in the
     * case, spread over its sessions, so what a reader sees is incomplete. Said on stderr by every reading command;
     * importing the file again completes it. (No import can be running: it would hold the case.)
     */
    private void warnOfUnfinishedImports(Case c) {
        if (spec == null) return;
        var err = spec.commandLine().getErr();
        for (EvidenceRecord e : c.evidence().list()) {
            if (e.complete()) continue;
            err.println("tracehound: warning: the import of " + Texts.oneLine(e.originalPath(), 300) + " did not finish, so only part of its"
                    + " events are in the case; run `tracehound import --case " + dir + " " + Texts.oneLine(e.originalPath(), 300)
                    + "` to complete it (evidence " + Texts.shortId(e.sha256(), 12) + ")");
        }
        err.flush();
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
