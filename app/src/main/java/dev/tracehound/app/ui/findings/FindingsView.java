package dev.tracehound.app.ui.findings;

import dev.tracehound.app.format.Texts;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.FindingStatus;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/** Findings, most severe first: severity chips, ATLAS and OWASP ids, an editable status, the explanation and the flow. */
public final class FindingsView extends SplitPane {

    public FindingsView(FindingsViewModel vm, Consumer<Event> openEvent) {
        setId("findings-view");
        setOrientation(Orientation.VERTICAL);
        TableView<Finding> table = new TableView<>(vm.findings());
        table.setId("findings-table");
        table.setPlaceholder(new Label("No findings. Run the detectors (Analyze ▸ Run detectors)."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Finding, String> sev = col("Severity", 96, f -> f.severity().name());
        sev.setMinWidth(96);
        sev.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(null);
                setGraphic(null);
                if (empty || s == null) return;
                Label chip = new Label(s);
                chip.getStyleClass().addAll("badge", "severity-" + s.toLowerCase(Locale.ROOT));
                setGraphic(chip);
            }
        });
        table.getColumns().add(sev);
        table.getColumns().add(col("Detector", 170, Finding::detector));
        table.getColumns().add(col("ATLAS", 130, f -> String.join(", ", f.atlas())));
        TableColumn<Finding, String> owasp = col("OWASP", 70, f -> String.join(", ", f.owasp()));
        owasp.setMinWidth(64);
        table.getColumns().add(owasp);
        table.getColumns().add(col("Session", 110, f -> Texts.shortId(f.sessionId(), 14)));
        TableColumn<Finding, FindingStatus> status = new TableColumn<>("Status");
        status.setPrefWidth(150);
        status.setMinWidth(150);
        status.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().status()));
        status.setCellFactory(c -> new TableCell<>() {
            private final ComboBox<FindingStatus> box = new ComboBox<>(FXCollections.observableArrayList(FindingStatus.values()));
            {
                box.getStyleClass().add("status-box");
                box.setOnAction(e -> {
                    Finding f = getTableRow() == null ? null : getTableRow().getItem();
                    if (f != null && box.getValue() != null && box.getValue() != f.status()) vm.setStatus(f, box.getValue(), "set in the findings view");
                });
            }

            @Override
            protected void updateItem(FindingStatus s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setGraphic(null);
                    return;
                }
                box.setValue(s);
                setGraphic(box);
            }
        });
        table.getColumns().add(status);
        table.getColumns().add(col("Explanation", 400, f -> Texts.oneLine(f.explanation(), 200)));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));

        TextArea explanation = new TextArea();
        explanation.setId("finding-explanation");
        explanation.setEditable(false);
        explanation.setWrapText(true);
        explanation.setPrefRowCount(3);
        vm.selectedProperty().addListener((o, a, f) -> explanation.setText(f == null ? "" : f.explanation()
                + "\n\nEvidence: " + f.eventIds().size() + " events" + (f.atlas().isEmpty() ? "" : " · ATLAS " + String.join(", ", f.atlas()))
                + (f.owasp().isEmpty() ? "" : " · OWASP " + String.join(", ", f.owasp()))));
        Label flowTitle = new Label("Provenance: from the untrusted source to the sink");
        flowTitle.getStyleClass().add("section-title");
        ProvenanceView graph = new ProvenanceView(vm);
        ScrollPane graphScroll = new ScrollPane(graph);
        graphScroll.setFitToHeight(true);
        graphScroll.setPrefHeight(120);
        graph.setOnMouseClicked(e -> {
            int i = (int) ((e.getX() - 10) / (170 + 34));
            if (i >= 0 && i < vm.flow().size()) openEvent.accept(vm.flow().get(i));
        });
        VBox detail = new VBox(6, explanation, flowTitle, graphScroll);
        detail.setPadding(new Insets(6));
        getItems().addAll(table, detail);
        setDividerPositions(0.55);
    }

    private static TableColumn<Finding, String> col(String title, double width, Function<Finding, String> value) {
        TableColumn<Finding, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }
}
