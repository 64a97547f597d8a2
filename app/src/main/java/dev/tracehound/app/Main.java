package dev.tracehound.app;

import dev.tracehound.app.cli.Cli;
import java.io.PrintWriter;

/**
 * Entry point of the launcher: no arguments opens the desktop app, anything else runs the CLI. Not a
 * JavaFX {@code Application} itself, so the app starts from a plain classpath.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            dev.tracehound.app.ui.DesktopApp.launchApp();
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        System.exit(Cli.run(args, out, err));
    }
}
