package dev.tracehound.app.ui.importing;

import dev.tracehound.importers.Importers;
import dev.tracehound.importers.run.ImportProgress;
import dev.tracehound.importers.run.ImportReport;
import dev.tracehound.importers.run.ImportRun;
import dev.tracehound.timeline.store.Case;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * The import screen: the files to import with their detected format, an optional format override, a running
 * import's progress (fraction, records/s) with cancel, and the reports at the end with quarantined records.
 */
public final class ImportViewModel {
    public static final String AUTO = "auto-detect";

    private final ObservableList<ImportFile> files = FXCollections.observableArrayList();
    private final ObservableList<String> formats = FXCollections.observableArrayList();
    private final StringProperty format = new SimpleStringProperty(AUTO);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final ObservableList<ImportReport> reports = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private volatile ImportRun current;
    private volatile boolean cancelRequested;

    public ImportViewModel() {
        formats.add(AUTO);
        formats.addAll(Importers.formats());
    }

    /** Adds files (folders are expanded one level deep), detecting each one's format from its head. */
    public void add(List<Path> paths) {
        List<Path> expanded = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (var s = Files.list(p)) {
                    s.filter(Files::isRegularFile).sorted().forEach(expanded::add);
                } catch (java.io.IOException e) {
                    files.add(new ImportFile(p, null, "cannot list the folder: " + e.getMessage()));
                }
            } else {
                expanded.add(p);
            }
        }
        for (Path p : expanded) {
            if (files.stream().anyMatch(f -> f.path().equals(p))) continue;
            files.add(detect(p));
        }
    }

    static ImportFile detect(Path p) {
        try {
            return new ImportFile(p, Importers.detect(p).format(), null);
        } catch (IllegalArgumentException | java.io.IOException e) {
            return new ImportFile(p, null, e.getMessage());
        }
    }

    public void clear() {
        if (!running.get()) files.clear();
    }

    /**
     * Starts importing every listed file into {@code c} on a background thread.
     *
     * @param onDone runs on the UI thread with the reports, when the import ends (also after a cancel)
     * @return the task, for progress binding and tests
     */
    public Task<List<ImportReport>> start(Case c, Consumer<List<ImportReport>> onDone) {
        if (running.get() || files.isEmpty()) return null;
        List<Path> paths = files.stream().map(ImportFile::path).toList();
        String forced = AUTO.equals(format.get()) ? null : format.get();
        if (forced != null) Importers.byFormat(forced); // a misspelt override fails here, not on the import thread
        Task<List<ImportReport>> task = new Task<>() {
            @Override
            protected List<ImportReport> call() {
                ImportRun r = new ImportRun(c, paths, forced, this::report);
                current = r;
                if (cancelRequested) r.cancel(); // cancel pressed before the run existed
                return r.run();
            }

            private void report(ImportProgress p) {
                double f = p.totalBytes() <= 0 ? -1 : Math.min(1.0, (double) p.bytesRead() / p.totalBytes());
                updateProgress(f < 0 ? -1 : f, 1);
                updateMessage(String.format(Locale.ROOT, "%s · %,d records · %,.0f records/s · %.1f of %.1f MB",
                        p.file().getFileName(), p.records(), p.recordsPerSecond(), p.bytesRead() / 1e6, p.totalBytes() / 1e6));
            }
        };
        running.set(true);
        cancelRequested = false;
        reports.clear();
        summary.set("");
        progress.bind(task.progressProperty());
        progressText.bind(task.messageProperty());
        task.setOnSucceeded(e -> finish(task.getValue(), onDone));
        task.setOnCancelled(e -> finish(List.of(), onDone));
        task.setOnFailed(e -> {
            finish(List.of(), onDone);
            summary.set("The import failed: " + task.getException().getMessage());
        });
        Thread t = new Thread(task, "tracehound-import");
        t.setDaemon(true);
        t.start();
        return task;
    }

    private void finish(List<ImportReport> result, Consumer<List<ImportReport>> onDone) {
        progress.unbind();
        progressText.unbind();
        running.set(false);
        current = null;
        reports.setAll(result);
        summary.set(summarise(result));
        progress.set(result.isEmpty() ? 0 : 1);
        onDone.accept(result);
    }

    static String summarise(List<ImportReport> result) {
        long events = 0, dup = 0, quarantined = 0, failed = 0;
        boolean cancelled = false;
        for (ImportReport r : result) {
            events += r.events();
            dup += r.duplicates();
            quarantined += r.quarantined();
            if (r.error() != null) failed++;
            cancelled |= r.cancelled();
        }
        return String.format(Locale.ROOT, "%d file(s): %,d events added, %,d already present, %,d records quarantined%s%s",
                result.size(), events, dup, quarantined, failed > 0 ? ", " + failed + " failed" : "",
                cancelled ? " — cancelled; run the import again to complete it" : "");
    }

    /** Stops the running import after the current record; what was read stays and a rerun completes it. */
    public void cancel() {
        cancelRequested = true;
        ImportRun r = current;
        if (r != null) r.cancel();
    }

    public ObservableList<ImportFile> files() { return files; }
    public ObservableList<String> formats() { return formats; }
    public StringProperty formatProperty() { return format; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty progressTextProperty() { return progressText; }
    public BooleanProperty runningProperty() { return running; }
    public ObservableList<ImportReport> reports() { return reports; }
    public StringProperty summaryProperty() { return summary; }
}
