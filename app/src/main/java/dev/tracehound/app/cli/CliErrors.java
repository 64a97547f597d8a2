package dev.tracehound.app.cli;

import dev.tracehound.timeline.search.QuerySyntaxException;
import dev.tracehound.timeline.store.CaseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one line a user can act on, on stderr, with exit code 2. The stack trace is shown
 * only with {@code --debug}.
 */
final class CliErrors implements IExecutionExceptionHandler {
    static final int USER_ERROR = 2;
    static final int INTERNAL_ERROR = 70;

    private final boolean debug;

    CliErrors(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        var err = cmd.getErr();
        if (debug) ex.printStackTrace(err);
        boolean userError = ex instanceof CaseException || ex instanceof QuerySyntaxException
                || ex instanceof IOException || ex instanceof UncheckedIOException
                || ex instanceof IllegalArgumentException || ex instanceof CliException;
        String message = describe(ex);
        err.println("tracehound: " + message);
        if (!userError && !debug) err.println("(this looks like a bug in Tracehound; run again with --debug for details)");
        err.flush();
        return userError ? USER_ERROR : INTERNAL_ERROR;
    }

    static String describe(Throwable ex) {
        // a message of its own says more than the bare cause (which may name a temporary file)
        if (ex instanceof UncheckedIOException u && u.getMessage() != null && !u.getMessage().equals(String.valueOf(u.getCause()))) {
            return u.getMessage();
        }
        if (ex instanceof UncheckedIOException u) ex = u.getCause();
        if (ex instanceof NoSuchFileException n) return "no such file: " + n.getFile();
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }
}
