package dev.tracehound.app.ui.reporting;

import dev.tracehound.app.export.ExportFormat;
import dev.tracehound.app.report.IncidentReport;
import dev.tracehound.app.report.ReportFormat;
import dev.tracehound.app.ui.notify.Notifier;
import java.io.File;
import java.nio.file.Files;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.stage.FileChooser;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The report preview (drawn from the report's model by {@link ReportNodes}: headings, tables and evidence blocks,
 * where evidence is only ever literal label text), the write buttons, and the
 * exports (format, which events, a file chooser starting in the case's exports folder).
 */
public final class ReportView extends VBox {

    public ReportView(ReportViewModel vm) {
        setId("report-view");
        setSpacing(8);
        setPadding(new Insets(10));
        HBox actions = new HBox(8);
        actions.setAlignment(Pos.CENTER_LEFT);
        Button refresh = new Button("Refresh preview");
        refresh.setOnAction(e -> vm.refresh());
        actions.getChildren().add(refresh);
        for (ReportFormat f : ReportFormat.values()) {
            Button b = new Button("Write " + (f == ReportFormat.ZIP ? "package (zip)" : f.id().toUpperCase(java.util.Locale.ROOT)));
            b.setOnAction(e -> vm.write(f));
            actions.getChildren().add(b);
        }
        HBox exports = exportRow(vm);
        Label written = new Label();
        written.setId("report-written");
        written.getStyleClass().add("mono");
        written.textProperty().bind(vm.writtenProperty());
        written.managedProperty().bind(written.textProperty().isNotEmpty()); // no gap above the report until something is written
        Label problem = new Label();
        problem.setId("report-problem");
        problem.textProperty().bind(vm.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        ScrollPane preview = new ScrollPane();
        preview.setId("report-preview");
        preview.setFitToWidth(true);
        preview.getStyleClass().add("report-preview");
        vm.reportProperty().addListener((o, was, r) -> show(preview, r));
        show(preview, vm.reportProperty().get());
        VBox.setVgrow(preview, Priority.ALWAYS);
        getStylesheets().add(ReportView.class.getResource("/dev/tracehound/app/ui/reporting/report.css").toExternalForm());
        getChildren().addAll(actions, exports, written, problem, preview);
        Notifier notifier = new Notifier(this);
        vm.lastExportProperty().addListener((o, a, r) -> {
            if (r != null) notifier.info("Export written", r.file() + "\nSHA-256 " + r.sha256());
        });
    }

    private static void show(ScrollPane preview, IncidentReport r) {
        double at = preview.getVvalue(); // a refresh keeps the reader's place
        preview.setContent(r == null ? null : ReportNodes.render(r));
        preview.setVvalue(at);
    }

    private HBox exportRow(ReportViewModel vm) {
        ComboBox<ExportFormat> format = new ComboBox<>(FXCollections.observableArrayList(ExportFormat.values()));
        format.setId("export-format");
        format.setValue(ExportFormat.JSONL);
        format.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ExportFormat f) {
                if (f == null) return "";
                return switch (f) {
                    case JSONL -> "Events · JSONL";
                    case CSV -> "Events · CSV";
                    case TIMESKETCH -> "Events · Timesketch";
                    case SARIF -> "Findings · SARIF";
                    case STIX -> "Findings · STIX 2.1";
                };
            }

            @Override
            public ExportFormat fromString(String s) {
                return null;
            }
        });
        ComboBox<EventScope> scope = new ComboBox<>(FXCollections.observableArrayList(EventScope.values()));
        scope.setId("export-scope");
        scope.setValue(EventScope.ALL);
        scope.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> format.getValue() == null || !format.getValue().ofEvents(), format.valueProperty()));
        Button export = new Button("Export…");
        export.setId("export-run");
        export.disableProperty().bind(vm.exportingProperty());
        export.setOnAction(e -> {
            ExportFormat f = format.getValue();
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export " + f.id());
            if (vm.exportsDir() != null && Files.isDirectory(vm.exportsDir())) chooser.setInitialDirectory(vm.exportsDir().toFile());
            chooser.setInitialFileName(vm.suggestedName(f));
            File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
            if (file != null) vm.export(f, scope.getValue(), file.toPath());
        });
        Label title = new Label("Export");
        HBox row = new HBox(8, title, format, scope, export);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
