package dev.tracehound.app.ui.replay;

import dev.tracehound.replay.endpoint.EndpointKind;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Replay settings (endpoint, model, key variable, trials), run with progress in the status bar, and the outcome. */
public final class ReplayView extends VBox {

    public ReplayView(ReplayViewModel vm, Consumer<Task<?>> runLong, Consumer<String> onError) {
        setId("replay-view");
        setSpacing(10);
        setPadding(new Insets(12));
        Label context = new Label();
        context.setId("replay-context");
        context.setWrapText(true);
        context.textProperty().bind(vm.contextSummaryProperty());

        ComboBox<EndpointKind> kind = new ComboBox<>(FXCollections.observableArrayList(EndpointKind.values()));
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        TextField url = new TextField();
        url.setId("replay-url");
        url.textProperty().bindBidirectional(vm.baseUrlProperty());
        url.setPrefColumnCount(32);
        TextField model = new TextField();
        model.setId("replay-model");
        model.textProperty().bindBidirectional(vm.modelProperty());
        TextField keyEnv = new TextField();
        keyEnv.setPromptText("e.g. OPENAI_API_KEY (the variable's name, never the key)");
        keyEnv.textProperty().bindBidirectional(vm.apiKeyEnvProperty());
        Spinner<Integer> trials = new Spinner<>(1, 100, vm.trialsProperty().get());
        trials.valueProperty().addListener((o, a, b) -> vm.trialsProperty().set(b));
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Protocol"), kind);
        form.addRow(1, new Label("Base URL"), url);
        form.addRow(2, new Label("Model"), model);
        form.addRow(3, new Label("API key variable"), keyEnv);
        form.addRow(4, new Label("Trials"), trials);

        Button run = new Button("Replay");
        run.setId("replay-run");
        run.setDefaultButton(false);
        run.disableProperty().bind(vm.runningProperty().or(vm.callProperty().isNull()));
        run.setOnAction(e -> {
            try {
                runLong.accept(vm.start(s -> {}));
            } catch (IllegalArgumentException ex) {
                onError.accept(ex.getMessage());
            }
        });
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not());
        Label result = new Label();
        result.setId("replay-result");
        result.getStyleClass().add("inspector-header");
        result.setWrapText(true);
        result.textProperty().bind(vm.resultProperty());
        Label title = new Label("Replay a model call");
        title.getStyleClass().add("placeholder-title");
        Label note = new Label("Requests and responses are stored in the case as artefacts and the run is audited. "
                + "The key is read from the environment variable when sending.");
        note.getStyleClass().add("placeholder-text");
        note.setWrapText(true);
        getChildren().addAll(title, context, form, new HBox(8, run, cancel), result, note);
    }
}
