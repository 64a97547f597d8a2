package dev.tracehound.app.cli;

import dev.tracehound.app.ui.screenshots.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tracehound screenshots --case DIR [--out docs/screenshots]}: PNGs of the main screens, rendered headless. */
@Command(name = "screenshots", mixinStandardHelpOptions = true,
        description = {"Render the workbench's main screens for a case to PNG files, without a display",
            "(JavaFX Headless platform, software rendering)."})
final class ScreenshotsCommand implements Callable<Integer> {
    @Option(names = "--case", paramLabel = "DIR", description = "The case to show (default: the bundled sample incident, prepared on first use).")
    Path caseDir;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "docs/screenshots", description = "Where to write the PNGs (default ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (caseDir != null && !Files.isRegularFile(caseDir.resolve("case.json"))) {
            throw new CliException("no case in " + caseDir + " (expected " + caseDir.resolve("case.json") + ")");
        }
        List<Path> files = new Screenshots(caseDir == null ? null : caseDir.toAbsolutePath(), out, spec.commandLine().getOut(),
                dev.tracehound.app.ui.settings.AppDirs.fromEnvironment().dataDir()).run();
        spec.commandLine().getOut().println(files.size() + " screenshots in " + out.toAbsolutePath());
        spec.commandLine().getOut().flush();
        javafx.application.Platform.exit();
        return 0;
    }
}
