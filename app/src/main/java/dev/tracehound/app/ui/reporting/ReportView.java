package dev.tracehound.app.ui.reporting;

import dev.tracehound.app.report.ReportFormat;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The report preview (as plain Markdown text: evidence quoted in it is never rendered) and the write buttons. */
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
        Label written = new Label();
        written.setId("report-written");
        written.getStyleClass().add("mono");
        written.textProperty().bind(vm.writtenProperty());
        TextArea preview = new TextArea();
        preview.setId("report-preview");
        preview.setEditable(false);
        preview.setWrapText(true);
        preview.getStyleClass().add("mono");
        preview.textProperty().bind(vm.previewProperty());
        VBox.setVgrow(preview, Priority.ALWAYS);
        getChildren().addAll(actions, written, preview);
    }
}
