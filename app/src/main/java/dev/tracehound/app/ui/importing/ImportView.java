package dev.tracehound.app.ui.importing;

import dev.tracehound.app.format.Texts;
import dev.tracehound.importers.run.ImportReport;
import dev.tracehound.importers.run.QuarantineEntry;
import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Import: drop files (or choose them), see and override the detected format, follow the progress with
 * records/s, cancel, and read the report with every quarantined record and why.
 */
public final class ImportView extends VBox {

    public ImportView(ImportViewModel vm, Supplier<dev.tracehound.timeline.store.Case> currentCase,
            Consumer<List<ImportReport>> onDone) {
        setId("import-view");
        setSpacing(8);
        setPadding(new Insets(10));

        Label drop = new Label("Drop export files or folders here  ·  OTLP, Langfuse, LangSmith, Claude Code, Codex, MCP, chat JSONL, Timesketch");
        drop.getStyleClass().add("drop-zone");
        drop.setMaxWidth(Double.MAX_VALUE);
        drop.setAlignment(Pos.CENTER);
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) vm.add(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            e.setDropCompleted(ok);
            e.consume();
        });

        Button choose = new Button("Add files…");
        choose.setOnAction(e -> {
            List<File> chosen = new FileChooser().showOpenMultipleDialog(getScene() == null ? null : getScene().getWindow());
            if (chosen != null) vm.add(chosen.stream().map(File::toPath).toList());
        });
        Button clear = new Button("Clear list");
        clear.setOnAction(e -> vm.clear());
        ComboBox<String> format = new ComboBox<>(vm.formats());
        format.setId("import-format");
        format.valueProperty().bindBidirectional(vm.formatProperty());
        Button start = new Button("Import");
        start.setId("import-start");
        start.setDefaultButton(true);
        start.setOnAction(e -> {
            if (currentCase.get() == null) {
                vm.summaryProperty().set("Open or create a case first (Case menu).");
                return;
            }
            vm.start(currentCase.get(), onDone);
        });
        start.disableProperty().bind(vm.runningProperty().or(javafx.beans.binding.Bindings.isEmpty(vm.files())));
        Button cancel = new Button("Cancel");
        cancel.setId("import-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not());
        HBox actions = new HBox(8, choose, clear, new Label("Format:"), format, start, cancel);
        actions.setAlignment(Pos.CENTER_LEFT);

        TableView<ImportFile> files = new TableView<>(vm.files());
        files.setId("import-files");
        files.setPlaceholder(new Label("No files yet: drop some here or use Add files…"));
        files.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        files.getColumns().add(col("File", 420, (ImportFile f) -> f.path().toString()));
        files.getColumns().add(col("Detected format", 140, (ImportFile f) -> f.detectedFormat() == null ? "—" : f.detectedFormat()));
        files.getColumns().add(col("Note", 300, (ImportFile f) -> Texts.orEmpty(f.problem())));
        files.setPrefHeight(160);

        ProgressBar bar = new ProgressBar();
        bar.setId("import-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label rate = new Label();
        rate.setId("import-rate");
        rate.textProperty().bind(vm.progressTextProperty());
        Label summary = new Label();
        summary.setId("import-summary");
        summary.getStyleClass().add("section-title");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setWrapText(true);

        TableView<ImportReport> reports = new TableView<>(vm.reports());
        reports.setId("import-reports");
        reports.setPlaceholder(new Label("The report appears here when the import ends."));
        reports.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        reports.getColumns().add(col("File", 300, (ImportReport r) -> r.file()));
        reports.getColumns().add(col("Format", 100, (ImportReport r) -> Texts.orEmpty(r.format())));
        reports.getColumns().add(col("Records", 80, (ImportReport r) -> String.format("%,d", r.records())));
        reports.getColumns().add(col("Events", 80, (ImportReport r) -> String.format("%,d", r.events())));
        reports.getColumns().add(col("Duplicates", 80, (ImportReport r) -> String.format("%,d", r.duplicates())));
        reports.getColumns().add(col("Quarantined", 90, (ImportReport r) -> String.format("%,d", r.quarantined())));
        reports.getColumns().add(col("Outcome", 300, (ImportReport r) -> r.error() != null ? "failed: " + r.error()
                : r.cancelled() ? "cancelled" : r.hint() != null ? r.hint() : r.warnings().isEmpty() ? "ok"
                : "ok · warnings: " + String.join(", ", r.warnings().keySet())));
        reports.setPrefHeight(150);

        ListView<String> quarantine = new ListView<>();
        quarantine.setId("import-quarantine");
        quarantine.setPlaceholder(new Label("Select a report to see its quarantined records."));
        reports.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            quarantine.getItems().clear();
            if (r == null) return;
            for (QuarantineEntry q : r.quarantine()) {
                quarantine.getItems().add(q.locator() + "  ·  " + q.reason() + "  ·  " + Texts.oneLine(q.excerpt(), 120));
            }
            if (r.quarantined() > r.quarantine().size()) {
                quarantine.getItems().add("… and " + (r.quarantined() - r.quarantine().size()) + " more (see the CLI's --json report)");
            }
        });
        Label qTitle = new Label("Quarantined records (nothing is dropped silently: each is kept with its locator and reason)");
        qTitle.getStyleClass().add("section-title");
        VBox.setVgrow(quarantine, Priority.ALWAYS);
        getChildren().addAll(drop, actions, files, bar, rate, summary, reports, qTitle, quarantine);
    }

    private static <T> TableColumn<T, String> col(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }
}
