package dev.tracehound.app;

import dev.tracehound.app.cli.Cli;
import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry point of the launcher: no arguments opens the desktop app, anything else runs the CLI. Not a
 * JavaFX {@code Application} itself, so the app starts from a plain classpath.
 */
public final class Main {
    /**
     * Library notices that users cannot act on (Lucene's vector-module hint, JavaFX's classpath notice, PDFBox's
     * font fallbacks, openhtmltopdf's timings) would bury every command's output; they are kept quiet. Strong
     * references, as JUL holds loggers weakly.
     */
    private static final Logger[] QUIET = {
        Logger.getLogger("org.apache.lucene.internal.vectorization"), Logger.getLogger("javafx"),
        Logger.getLogger("org.apache.pdfbox"), Logger.getLogger("org.apache.fontbox"), Logger.getLogger("com.openhtmltopdf"),
    };

    private Main() {}

    public static void main(String[] args) {
        for (Logger l : QUIET) l.setLevel(Level.SEVERE);
        if (args.length == 0) {
            dev.tracehound.app.ui.DesktopApp.launchApp();
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        System.exit(Cli.run(args, out, err));
    }
}
