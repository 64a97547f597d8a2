package dev.tracehound.app.ui.reporting;

import dev.tracehound.app.report.IncidentReport;
import dev.tracehound.app.report.ReportBuilder;
import dev.tracehound.app.report.ReportFormat;
import dev.tracehound.app.report.Reports;
import dev.tracehound.app.ui.tasks.TaskRunner;
import dev.tracehound.timeline.audit.Actors;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.app.export.CaseOutputs;
import dev.tracehound.app.export.ExportFormat;
import dev.tracehound.app.export.Exports;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The incident report (previewed from the case's {@link IncidentReport}, written as HTML, PDF, Markdown or a package) and the
 * case's exports (events as JSONL, CSV or Timesketch; findings as SARIF or STIX). Everything goes through
 * {@link CaseOutputs}: written atomically and audited as an {@code export} entry with its SHA-256.
 */
public final class ReportViewModel {
    private final TaskRunner runner;
    private Case current;
    private final ObjectProperty<IncidentReport> report = new SimpleObjectProperty<>();
    /** Why the preview could not be built; empty when it was. */
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty written = new SimpleStringProperty("");
    private final Supplier<String> currentQuery;
    private final ObjectProperty<CaseOutputs.OutputRecord> lastExport = new SimpleObjectProperty<>();
    private final BooleanProperty exporting = new SimpleBooleanProperty(false);

    public ReportViewModel(TaskRunner runner) {
        this(runner, () -> null);
    }

    /** @param currentQuery the timeline's query as last run, for exports of {@link EventScope#QUERY} */
    public ReportViewModel(TaskRunner runner, Supplier<String> currentQuery) {
        this.runner = runner;
        this.currentQuery = currentQuery;
    }

    public void open(Case c) {
        current = c;
        written.set("");
        refresh();
    }

    public void close() {
        current = null;
        report.set(null);
        problem.set("");
        written.set("");
    }

    public void refresh() {
        Case c = current;
        if (c == null) return;
        runner.run("Building report preview", () -> ReportBuilder.build(c, Actors.current()), r -> {
            problem.set("");
            report.set(r);
        }, e -> {
            report.set(null);
            problem.set("The report could not be built: " + e.getMessage());
        });
    }

    /** Writes the report under the case's exports folder (audited by the report writer). */
    public void write(ReportFormat format) {
        Case c = current;
        if (c == null) return;
        runner.run("Writing " + format.id() + " report", () -> Reports.write(c, format, null),
                r -> written.set("Wrote " + r.file() + "  ·  SHA-256 " + r.sha256()),
                e -> written.set("Could not write the report: " + e.getMessage()));
    }

    /**
     * Exports in the background; the outcome lands in {@link #writtenProperty()} and {@link #lastExportProperty()}.
     *
     * @param scope which events, for event formats (ignored for findings, which are always all of them)
     * @param target the file, or null for {@code <case>/exports/export-<format>-<stamp>.<ext>}
     */
    public void export(ExportFormat format, EventScope scope, Path target) {
        Case c = current;
        if (c == null) return;
        var selection = format.ofEvents() ? (scope == null ? EventScope.ALL : scope).selection(currentQuery.get()) : null;
        exporting.set(true);
        runner.run("Exporting " + format.id(), () -> Exports.export(c, format, selection, target), r -> {
            exporting.set(false);
            lastExport.set(r);
            written.set("Exported " + r.records() + " " + r.kind() + " as " + r.format() + " to " + r.file() + "  ·  SHA-256 " + r.sha256());
        }, e -> {
            exporting.set(false);
            written.set("Could not export " + format.id() + ": " + e.getMessage());
        });
    }

    /** Where the file chooser starts: the case's exports folder. */
    public Path exportsDir() {
        return current == null ? null : current.dir().resolve("exports");
    }

    /** A suggested file name for an export written now. */
    public String suggestedName(ExportFormat format) {
        Case c = current;
        return c == null ? "export." + format.extension()
                : CaseOutputs.defaultPath(c, "export-" + format.id(), format.extension()).getFileName().toString();
    }

    public ObjectProperty<CaseOutputs.OutputRecord> lastExportProperty() { return lastExport; }
    public BooleanProperty exportingProperty() { return exporting; }
    /** The report as last built for the preview; null before a case is open or when building failed. */
    public ObjectProperty<IncidentReport> reportProperty() { return report; }
    public StringProperty problemProperty() { return problem; }
    public StringProperty writtenProperty() { return written; }
}
