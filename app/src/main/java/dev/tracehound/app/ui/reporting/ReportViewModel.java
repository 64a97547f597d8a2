package dev.tracehound.app.ui.reporting;

import dev.tracehound.app.report.MarkdownReportRenderer;
import dev.tracehound.app.report.ReportBuilder;
import dev.tracehound.app.report.ReportFormat;
import dev.tracehound.app.report.Reports;
import dev.tracehound.app.ui.tasks.TaskRunner;
import dev.tracehound.timeline.audit.Actors;
import dev.tracehound.timeline.store.Case;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The incident report: a Markdown preview built from the case, and writing it as HTML, PDF, Markdown or a package. */
public final class ReportViewModel {
    private final TaskRunner runner;
    private Case current;
    private final StringProperty preview = new SimpleStringProperty("");
    private final StringProperty written = new SimpleStringProperty("");

    public ReportViewModel(TaskRunner runner) {
        this.runner = runner;
    }

    public void open(Case c) {
        current = c;
        written.set("");
        refresh();
    }

    public void close() {
        current = null;
        preview.set("");
        written.set("");
    }

    public void refresh() {
        Case c = current;
        if (c == null) return;
        runner.run("Building report preview", () -> new MarkdownReportRenderer().render(ReportBuilder.build(c, Actors.current())),
                preview::set, e -> preview.set("The report could not be built: " + e.getMessage()));
    }

    /** Writes the report under the case's exports folder (audited by the report writer). */
    public void write(ReportFormat format) {
        Case c = current;
        if (c == null) return;
        runner.run("Writing " + format.id() + " report", () -> Reports.write(c, format, null),
                r -> written.set("Wrote " + r.file() + "  ·  SHA-256 " + r.sha256()),
                e -> written.set("Could not write the report: " + e.getMessage()));
    }

    public StringProperty previewProperty() { return preview; }
    public StringProperty writtenProperty() { return written; }
}
