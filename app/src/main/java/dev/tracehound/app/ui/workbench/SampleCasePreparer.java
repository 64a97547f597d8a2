package dev.tracehound.app.ui.workbench;

import dev.tracehound.app.ui.analysis.AnalysisTask;
import dev.tracehound.importers.run.ImportReport;
import dev.tracehound.importers.run.ImportRun;
import dev.tracehound.samples.SampleIncidents;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javafx.concurrent.Task;

/**
 * Turns a bundled sample incident into a ready case on first launch: extract its export files, create a case,
 * import them, run the detectors. Built in {@code <name>.preparing} and renamed when complete, so an interrupted
 * first start never leaves a half-imported case that looks finished.
 */
public final class SampleCasePreparer extends Task<Case> {
    /** The incident shown first: a complete injection-to-exfiltration story. */
    static final String PREFERRED = "rag-customer-list-exfil";

    private final Path casesDir;
    private final Path extractDir;

    public SampleCasePreparer(Path dataDir) {
        this.casesDir = dataDir.resolve("cases");
        this.extractDir = dataDir.resolve("incidents");
        updateTitle("Preparing the sample incident");
    }

    /** The incident to open, or null when none is bundled. */
    public static String chooseIncident() {
        List<String> names;
        try {
            names = SampleIncidents.names();
        } catch (RuntimeException e) {
            return null;
        }
        if (names.isEmpty()) return null;
        return names.contains(PREFERRED) ? PREFERRED : names.getFirst();
    }

    @Override
    protected Case call() throws Exception {
        String name = chooseIncident();
        if (name == null) throw new IllegalStateException("no sample incident is bundled with this build");
        Path ready = casesDir.resolve(name);
        if (Files.isRegularFile(ready.resolve("case.json"))) return Cases.open(ready);
        Path preparing = casesDir.resolve(name + ".preparing");
        deleteTree(preparing);
        updateMessage("Extracting " + name);
        Path source = SampleIncidents.extractTo(name, extractDir);
        List<Path> exports = SampleIncidents.files(name).stream()
                .filter(f -> !f.equals("README.md") && !f.equals("answer-key.json"))
                .map(source::resolve).toList();
        try (Case c = Cases.create(preparing, "Sample: " + SampleIncidents.title(name))) {
            updateMessage("Importing " + exports.size() + " export file(s)");
            List<ImportReport> reports = new ImportRun(c, exports, null, p -> updateMessage(String.format(
                    "Importing %s · %,d records", p.file().getFileName(), p.records()))).run();
            for (ImportReport r : reports) {
                if (r.error() != null) throw new IllegalStateException("importing the sample failed: " + r.error());
            }
            updateMessage("Running detectors");
            AnalysisTask.analyse(c, (done, total) -> {
                updateProgress(done, total);
                updateMessage("Running detectors: session " + done + " of " + total);
            }, this::isCancelled);
        }
        if (isCancelled()) return null;
        Files.createDirectories(casesDir);
        Files.move(preparing, ready);
        return Cases.open(ready);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.delete(p);
            }
        }
    }
}
