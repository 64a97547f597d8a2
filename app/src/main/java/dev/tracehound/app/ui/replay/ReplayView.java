package dev.tracehound.app.ui.replay;

import dev.tracehound.replay.endpoint.EndpointProfile;
import dev.tracehound.replay.plan.ContextEdit;
import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The Replay screen: endpoint, the call's context part by part with drop / neutralise edits, the plan JSON, the run
 * with progress and cancel, the rates, the trials, and the selected trial's answer diffed against the recorded one.
 * Evidence text appears only in table cells, read-only text areas and plain Text nodes.
 */
public final class ReplayView extends VBox {
    private final ReplayViewModel vm;
    private final Consumer<Task<?>> runLong;
    private final Consumer<String> onError;

    public ReplayView(ReplayViewModel vm, Consumer<Task<?>> runLong, Consumer<String> onError) {
        this.vm = vm;
        this.runLong = runLong;
        this.onError = onError;
        setId("replay-view");
        setSpacing(6);
        setPadding(new Insets(8));
        getStylesheets().add(ReplayView.class.getResource("/dev/tracehound/app/ui/replay/replay.css").toExternalForm());

        Label context = new Label();
        context.setId("replay-context");
        context.setWrapText(true);
        context.getStyleClass().add("inspector-header");
        context.textProperty().bind(vm.contextSummaryProperty());

        SplitPane split = new SplitPane(editPane(), resultPane());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.46);
        VBox.setVgrow(split, Priority.ALWAYS);
        Label message = new Label();
        message.setId("replay-message");
        message.getStyleClass().add("placeholder-text");
        message.textProperty().bind(vm.messageProperty());
        getChildren().addAll(context, runBar(), split, message);
    }

    /** Endpoint choice, model override, N, run, cancel and progress. */
    private Node runBar() {
        ComboBox<EndpointProfile> endpoint = new ComboBox<>(vm.endpoints());
        endpoint.setId("replay-endpoint");
        endpoint.setPromptText("no endpoint saved");
        endpoint.valueProperty().bindBidirectional(vm.endpointProperty());
        endpoint.setConverter(new StringConverter<>() {
            @Override
            public String toString(EndpointProfile p) {
                return p == null ? "" : p.name() + " · " + p.kind().wireName() + " · " + p.model();
            }

            @Override
            public EndpointProfile fromString(String s) {
                return null;
            }
        });
        Button add = new Button("Add endpoint…");
        add.setId("replay-add-endpoint");
        add.setOnAction(e -> new EndpointDialog(getScene() == null ? null : getScene().getWindow()).showAndWait().ifPresent(f -> {
            try {
                vm.addEndpoint(f.name(), f.kind(), f.url(), f.model(), f.keyEnv());
            } catch (RuntimeException ex) {
                onError.accept(ex.getMessage());
            }
        }));
        TextField model = new TextField();
        model.setId("replay-model");
        model.setPromptText("the profile's model");
        model.setPrefColumnCount(12);
        model.textProperty().bindBidirectional(vm.modelOverrideProperty());
        Spinner<Integer> trials = new Spinner<>(new TrialCountValueFactory(vm.trialsProperty().get()));
        trials.setId("replay-trials");
        trials.setEditable(true);
        trials.setPrefWidth(80);
        trials.valueProperty().addListener((o, a, b) -> vm.trialsProperty().set(b));
        vm.trialsProperty().addListener((o, a, b) -> trials.getValueFactory().setValue(b));
        Label trialsProblem = label("replay-trials-problem", vm.trialsProblemProperty());
        trialsProblem.getStyleClass().add("field-problem");

        ProgressBar progress = new ProgressBar(0);
        progress.setId("replay-progress");
        progress.setPrefWidth(120);
        Button run = new Button("Run");
        run.setId("replay-run");
        run.getStyleClass().add("accent");
        run.disableProperty().bind(vm.runningProperty().or(vm.callProperty().isNull()).or(vm.endpointProperty().isNull())
                .or(vm.trialsProblemProperty().isNotEmpty()));
        run.setOnAction(e -> {
            try {
                Task<?> task = vm.start();
                progress.progressProperty().bind(task.progressProperty());
                runLong.accept(task);
            } catch (IllegalArgumentException ex) {
                onError.accept(ex.getMessage());
            }
        });
        Button cancel = new Button("Cancel");
        cancel.setId("replay-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not());
        endpoint.setPrefWidth(300);
        HBox where = new HBox(6, fixed(new Label("Endpoint")), endpoint, fixed(add), fixed(new Label("Model")), model);
        HBox how = new HBox(6, fixed(new Label(ReplayViewModel.TRIALS)), trials, fixed(run), fixed(cancel), progress, trialsProblem);
        where.setAlignment(Pos.CENTER_LEFT);
        how.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, where, how);
    }

    /** The context parts with their edit buttons, the edits, and the plan JSON. */
    private Node editPane() {
        TableView<ContextPartRow> table = new TableView<>(vm.parts());
        table.setId("replay-parts");
        table.setPlaceholder(new Label("No context: select a model call."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(intColumn("#", 34, ContextPartRow::index));
        table.getColumns().add(column("Role", 82, ContextPartRow::role));
        table.getColumns().add(column("Origin", 130, ContextPartRow::origin));
        table.getColumns().add(column("Edit", 90, ContextPartRow::editState));
        table.getColumns().add(column("Text", 300, ContextPartRow::preview));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ContextPartRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("part-untrusted", "part-dropped");
                if (!empty && row != null) {
                    if (row.untrusted()) getStyleClass().add("part-untrusted");
                    if (row.dropped()) getStyleClass().add("part-dropped");
                }
            }
        });
        Button drop = new Button("Drop");
        drop.setId("replay-drop");
        drop.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        drop.setOnAction(e -> guard(() -> vm.drop(table.getSelectionModel().getSelectedItem().index())));
        Button neutralise = new Button("Neutralise text…");
        neutralise.setId("replay-neutralise");
        neutralise.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        neutralise.setOnAction(e -> {
            ContextPartRow row = table.getSelectionModel().getSelectedItem();
            new NeutraliseDialog(getScene() == null ? null : getScene().getWindow(), row).showAndWait()
                    .ifPresent(r -> guard(() -> vm.neutralise(row.index(), r.find(), r.replacement())));
        });
        HBox partButtons = new HBox(6, drop, neutralise);
        VBox partsBox = new VBox(4, section("Context (as the model saw it)"), table, partButtons);
        VBox.setVgrow(table, Priority.ALWAYS);

        ListView<ContextEdit> edits = new ListView<>(vm.edits());
        edits.setId("replay-edits");
        edits.setPlaceholder(new Label("No edits: the run is a baseline."));
        edits.setPrefHeight(70);
        edits.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ContextEdit edit, boolean empty) {
                super.updateItem(edit, empty);
                setText(empty || edit == null ? null : edit.describe());
            }
        });
        Button undo = new Button("Remove edit");
        undo.disableProperty().bind(edits.getSelectionModel().selectedItemProperty().isNull());
        undo.setOnAction(e -> vm.removeEdit(edits.getSelectionModel().getSelectedItem()));
        TextArea plan = new TextArea();
        plan.setId("replay-plan");
        plan.setEditable(false);
        plan.setWrapText(true);
        plan.getStyleClass().add("mono");
        plan.textProperty().bind(vm.planJsonProperty());
        Button save = new Button("Save plan…");
        save.setId("replay-save-plan");
        save.disableProperty().bind(vm.callProperty().isNull());
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save replay plan");
            chooser.setInitialFileName("replay-plan.json");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Replay plan (JSON)", "*.json"));
            File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) guard(() -> vm.savePlan(f.toPath()));
        });
        VBox planBox = new VBox(4, section("Edits"), edits, new HBox(6, undo), section("Plan (replay --plan)"), plan, save);
        VBox.setVgrow(plan, Priority.ALWAYS);
        SplitPane split = new SplitPane(partsBox, planBox);
        split.setDividerPositions(0.64);
        return split;
    }

    /** Rates, the trials, and the selected trial beside the recorded answer. */
    private Node resultPane() {
        Label result = label("replay-result", vm.resultProperty());
        result.getStyleClass().add("replay-summary");
        Label baseline = label("replay-baseline", vm.baselineResultProperty());
        Label difference = label("replay-difference", vm.differenceProperty());

        TableView<TrialRow> trials = new TableView<>(vm.trialRows());
        trials.setId("replay-trials-table");
        trials.setPlaceholder(new Label("No trials yet."));
        trials.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        trials.getColumns().add(column("Run", 70, TrialRow::run));
        trials.getColumns().add(intColumn("Trial", 46, TrialRow::trial));
        trials.getColumns().add(column("Reproduced", 86, TrialRow::reproduced));
        trials.getColumns().add(column("Tool calls", 130, TrialRow::toolCalls));
        trials.getColumns().add(column("Refusal", 60, TrialRow::refusal));
        trials.getColumns().add(column("Similarity", 72, TrialRow::similarity));
        trials.getColumns().add(column("Why", 240, TrialRow::note));
        trials.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> vm.selectedTrialProperty().set(t));
        vm.selectedTrialProperty().addListener((o, a, t) -> {
            if (t != trials.getSelectionModel().getSelectedItem()) trials.getSelectionModel().select(t);
        });

        TextArea original = new TextArea();
        original.setId("replay-original");
        original.setEditable(false);
        original.setWrapText(true);
        original.textProperty().bind(vm.originalAnswerProperty());
        DiffFlow flow = new DiffFlow();
        flow.setId("replay-diff");
        vm.diff().addListener((ListChangeListener<WordDiff.Segment>) ch -> flow.show(List.copyOf(vm.diff())));
        ScrollPane diffScroll = new ScrollPane(flow);
        diffScroll.setFitToWidth(true);
        diffScroll.getStyleClass().add("diff-pane");
        Text removed = new Text("struck red");
        removed.getStyleClass().add("diff-removed");
        removed.setStrikethrough(true);
        Text added = new Text("green");
        added.getStyleClass().add("diff-added");
        Text same = new Text(": only in the recorded answer, ");
        Text same2 = new Text(": only in the trial");
        same.getStyleClass().add("diff-same");
        same2.getStyleClass().add("diff-same");
        TextFlow legend = new TextFlow(removed, same, added, same2);
        legend.getStyleClass().add("diff-legend");
        VBox left = new VBox(4, section("Recorded answer"), original);
        VBox right = new VBox(4, section("Selected trial, word by word"), legend, diffScroll);
        VBox.setVgrow(original, Priority.ALWAYS);
        VBox.setVgrow(diffScroll, Priority.ALWAYS);
        SplitPane beside = new SplitPane(left, right);
        SplitPane lower = new SplitPane(trials, beside);
        lower.setOrientation(Orientation.VERTICAL);
        lower.setDividerPositions(0.5);
        VBox box = new VBox(4, result, baseline, difference, lower);
        VBox.setVgrow(lower, Priority.ALWAYS);
        return box;
    }

    /** Keeps a label or button at its full text however narrow the screen gets (the row wraps instead). */
    private static <T extends Region> T fixed(T node) {
        node.setMinWidth(Region.USE_PREF_SIZE);
        return node;
    }

    private void guard(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            onError.accept(e.getMessage());
        }
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("replay-section");
        return l;
    }

    private static Label label(String id, javafx.beans.value.ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.textProperty().bind(text);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        return l;
    }

    private static <R> TableColumn<R, String> column(String title, double width, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    private static <R> TableColumn<R, Integer> intColumn(String title, double width, Function<R, Integer> value) {
        TableColumn<R, Integer> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMaxWidth(width * 1.5);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }
}
