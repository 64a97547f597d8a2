package dev.tracehound.app.ui.replay;

import dev.tracehound.replay.endpoint.EndpointKind;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Asks for a new endpoint profile. The last field takes the NAME of an environment variable, never a key: profiles
 * are plain files, and the key is read from the environment when a request is sent.
 */
final class EndpointDialog extends Dialog<EndpointDialog.Fields> {
    record Fields(String name, EndpointKind kind, String url, String model, String keyEnv) {}

    EndpointDialog(Window owner) {
        if (owner != null) initOwner(owner);
        setTitle("Add endpoint");
        setHeaderText("A model endpoint to replay against (saved in endpoints.json of the config folder)");
        TextField name = new TextField();
        name.setId("endpoint-name");
        name.setPromptText("e.g. local-ollama");
        ComboBox<EndpointKind> kind = new ComboBox<>(FXCollections.observableArrayList(EndpointKind.values()));
        kind.setValue(EndpointKind.OPENAI);
        TextField url = new TextField();
        url.setPromptText("e.g. http://localhost:11434/v1");
        url.setPrefColumnCount(30);
        TextField model = new TextField();
        model.setPromptText("e.g. gpt-4o-mini");
        TextField keyEnv = new TextField();
        keyEnv.setPromptText("e.g. OPENAI_API_KEY (the variable's name, never the key)");
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Protocol"), kind);
        form.addRow(2, new Label("Base URL"), url);
        form.addRow(3, new Label("Model"), model);
        form.addRow(4, new Label("API key variable"), keyEnv);
        getDialogPane().setContent(form);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(b -> b == ButtonType.OK
                ? new Fields(name.getText(), kind.getValue(), url.getText(), model.getText(), keyEnv.getText()) : null);
    }
}
