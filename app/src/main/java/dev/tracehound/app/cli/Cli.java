package dev.tracehound.app.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/** Runs the CLI: parses, executes, maps errors to exit codes. */
public final class Cli {
    private Cli() {}

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = Arrays.asList(args).contains("--debug");
        String[] rest = Arrays.stream(args).filter(a -> !a.equals("--debug")).toArray(String[]::new);
        CommandLine cl = new CommandLine(new TracehoundCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new CliErrors(debug));
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("tracehound: " + ex.getMessage());
            ex.getCommandLine().usage(err);
            return CliErrors.USER_ERROR;
        });
        return cl.execute(rest);
    }
}
