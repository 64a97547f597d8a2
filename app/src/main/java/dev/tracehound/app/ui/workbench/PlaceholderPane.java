package dev.tracehound.app.ui.workbench;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A screen whose feature is not wired into this build yet, saying what it will do. */
public final class PlaceholderPane extends VBox {
    public PlaceholderPane(String title, String text) {
        Label t = new Label(title);
        t.getStyleClass().add("placeholder-title");
        Label d = new Label(text);
        d.getStyleClass().add("placeholder-text");
        d.setWrapText(true);
        d.setMaxWidth(640);
        getChildren().addAll(t, d);
        setSpacing(10);
        getStyleClass().add("placeholder-pane");
    }
}
