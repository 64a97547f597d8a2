package dev.tracehound.app.cli;

import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tracehound case create DIR [--name NAME]}. */
@Command(name = "create", description = "Create a new, empty case in DIR (which must be missing or empty).",
        mixinStandardHelpOptions = true)
final class CaseCreateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Folder for the new case.")
    Path dir;

    @Option(names = "--name", paramLabel = "NAME", description = "A name for the case (default: the folder name).")
    String name;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        Path abs = dir.toAbsolutePath().normalize();
        String caseName = name != null && !name.isBlank() ? name.strip()
                : abs.getFileName() == null ? "case" : abs.getFileName().toString();
        try (Case c = Cases.create(abs, caseName)) {
            if (output.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("caseId", c.info().caseId());
                m.put("name", c.info().name());
                m.put("dir", abs.toString());
                output.printJson(m);
            } else {
                output.out().println("Created case \"" + c.info().name() + "\" in " + abs);
                output.out().println("Next: ./tracehound import --case " + abs + " FILE...");
            }
        }
        return 0;
    }
}
