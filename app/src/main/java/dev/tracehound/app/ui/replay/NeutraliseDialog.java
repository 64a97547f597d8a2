package dev.tracehound.app.ui.replay;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks which text of a context part to neutralise and what it becomes (empty deletes it). Selecting text in the
 * part fills the field, so the sentence is copied exactly, as the plan's {@code replace-text} edit needs.
 */
final class NeutraliseDialog extends Dialog<NeutraliseDialog.Result> {
    record Result(String find, String replacement) {}

    NeutraliseDialog(Window owner, ContextPartRow row) {
        if (owner != null) initOwner(owner);
        setTitle("Neutralise text");
        setHeaderText("Part #" + row.index() + " (" + row.role() + ", " + row.origin() + "): select the sentence to neutralise");
        TextArea text = new TextArea(row.part().text());
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(10);
        text.setPrefColumnCount(60);
        TextField find = new TextField();
        find.setPromptText("the exact text to replace");
        text.selectedTextProperty().addListener((o, a, sel) -> {
            if (sel != null && !sel.isEmpty()) find.setText(sel);
        });
        TextField replacement = new TextField();
        replacement.setPromptText("replacement (empty removes the text)");
        getDialogPane().setContent(new VBox(6, text, new Label("Text to neutralise"), find, new Label("Replace with"), replacement));
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(b -> b == ButtonType.OK ? new Result(find.getText(), replacement.getText()) : null);
    }
}
