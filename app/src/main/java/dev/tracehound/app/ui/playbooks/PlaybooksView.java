package dev.tracehound.app.ui.playbooks;

import dev.tracehound.playbooks.catalogue.CatalogueEntry;
import dev.tracehound.playbooks.format.DecisionOption;
import dev.tracehound.playbooks.run.PlaybookRun;
import dev.tracehound.playbooks.run.StepStatus;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The playbook checklist: start a run from the catalogue, tick steps (decisions by option), run automatic checks. */
public final class PlaybooksView extends VBox {

    public PlaybooksView(PlaybooksViewModel vm) {
        setId("playbooks-view");
        setSpacing(8);
        setPadding(new Insets(10));

        ComboBox<CatalogueEntry> catalogue = new ComboBox<>(vm.catalogue());
        catalogue.setId("playbook-catalogue");
        catalogue.setPromptText("Choose a playbook…");
        catalogue.setPrefWidth(300);
        catalogue.setMinWidth(160);
        catalogue.setConverter(converter(e -> e.playbook().title() + "  (v" + e.playbook().version() + ")"));
        Button start = new Button("Start run");
        start.setId("playbook-start");
        start.setOnAction(e -> vm.start(catalogue.getValue()));
        start.disableProperty().bind(catalogue.valueProperty().isNull());
        ComboBox<PlaybookRun> runs = new ComboBox<>(vm.runs());
        runs.setId("playbook-runs");
        runs.setPromptText("No run yet");
        runs.setPrefWidth(260);
        runs.setMinWidth(120);
        start.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        runs.setConverter(converter(r -> r.playbook().title() + " · started " + r.startedAt() + " by " + r.startedBy()));
        runs.valueProperty().bindBidirectional(vm.selectedProperty());
        Button check = new Button("Run checks");
        check.setId("playbook-check");
        check.setOnAction(e -> vm.runChecks());
        check.disableProperty().bind(vm.selectedProperty().isNull());
        check.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label progress = new Label();
        progress.getStyleClass().add("section-title");
        progress.textProperty().bind(vm.progressProperty());
        Label runLabel = new Label("Run:");
        runLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox top = new HBox(8, catalogue, start, runLabel, runs, check);
        top.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.getStyleClass().add("query-error");
        error.textProperty().bind(vm.errorProperty());

        ListView<StepRow> steps = new ListView<>(vm.steps());
        steps.setId("playbook-steps");
        steps.setPlaceholder(new Label("Start a run from the catalogue to work through its steps."));
        steps.setCellFactory(l -> new StepCell(vm));
        TextArea guidance = new TextArea();
        guidance.setId("playbook-guidance");
        guidance.setEditable(false);
        guidance.setWrapText(true);
        steps.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> guidance.setText(r == null || r.isHeading() ? ""
                : r.step().title() + "\n\n" + (r.step().guidance() == null ? "" : r.step().guidance())
                + (r.step().evidence().isEmpty() ? "" : "\n\nEvidence to collect:\n  • " + String.join("\n  • ", r.step().evidence()))
                + (r.state() != null && r.state().check() != null ? "\n\nAutomatic check: " + r.state().check().outcome() + " — " + r.state().check().detail() : "")));
        SplitPane split = new SplitPane(steps, guidance);
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(top, progress, error, split);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : f.apply(t); }
            @Override public T fromString(String s) { return null; }
        };
    }

    private static final class StepCell extends ListCell<StepRow> {
        private final PlaybooksViewModel vm;

        StepCell(PlaybooksViewModel vm) {
            this.vm = vm;
        }

        @Override
        protected void updateItem(StepRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            if (row.isHeading()) {
                Label h = new Label(row.phase().title().toUpperCase(java.util.Locale.ROOT));
                h.getStyleClass().add("facet-title");
                setGraphic(h);
                return;
            }
            CheckBox box = new CheckBox(row.step().title());
            box.setMnemonicParsing(false);
            box.getStyleClass().add("playbook-step");
            box.setSelected(row.status() == StepStatus.DONE);
            box.setDisable(row.status() == StepStatus.SKIPPED);
            HBox line = new HBox(8, box);
            line.setAlignment(Pos.CENTER_LEFT);
            if (row.step().isDecision()) {
                MenuButton choose = new MenuButton(row.state().choice() == null ? "Decide…" : "→ " + row.state().choice());
                for (DecisionOption o : row.step().options()) {
                    MenuItem item = new MenuItem(o.label());
                    item.setMnemonicParsing(false);
                    item.setOnAction(e -> vm.tick(row.step().id(), o.label()));
                    choose.getItems().add(item);
                }
                box.setDisable(true); // decided by choosing an option
                line.getChildren().add(choose);
            } else {
                box.setOnAction(e -> {
                    if (box.isSelected()) vm.tick(row.step().id(), null);
                    else vm.reopen(row.step().id());
                });
            }
            String tail = row.status() == StepStatus.SKIPPED ? "skipped by a decision"
                    : row.state().done() ? "done by " + row.state().doneBy() + (row.state().auto() ? " (automatic check)" : "") : "";
            if (!tail.isEmpty()) {
                Label t = new Label(tail);
                t.getStyleClass().add("session-meta");
                line.getChildren().add(t);
            }
            setGraphic(line);
        }
    }
}
