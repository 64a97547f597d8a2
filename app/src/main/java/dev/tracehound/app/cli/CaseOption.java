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

    /** Opens the case; errors reach the user as their message, via {@link CliErrors}. */
    public Case open() {
        return Cases.open(dir);
    }
}
