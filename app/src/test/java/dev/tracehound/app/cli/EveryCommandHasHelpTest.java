package dev.tracehound.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The README promises that every command takes --help; a command added without it fails here. */
class EveryCommandHasHelpTest {

    @Test
    void everyCommandAndSubcommandPrintsUsageForHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new TracehoundCommand()), new ArrayList<>(), paths);
        assertTrue(paths.size() > 20, "expected the whole command tree, found " + paths.size());
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Cli.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
            assertEquals(0, code, String.join(" ", args) + " failed: " + err);
            assertTrue(out.toString().startsWith("Usage: tracehound"), String.join(" ", args) + " printed: " + out);
        }
    }

    private static void collect(CommandLine cl, List<String> prefix, List<List<String>> into) {
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) continue;
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            into.add(path);
            collect(e.getValue(), path, into);
        }
    }
}
