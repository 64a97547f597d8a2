package dev.tracehound.app.ui.theme;

import javafx.scene.Scene;

/** Light and dark style sheets; the root carries a {@code dark} style class so canvases can match. */
public final class Themes {
    private static final String BASE = Themes.class.getResource("base.css").toExternalForm();
    private static final String DARK = Themes.class.getResource("dark.css").toExternalForm();

    private Themes() {}

    public static void apply(Scene scene, String theme) {
        boolean dark = "dark".equals(theme);
        scene.getStylesheets().setAll(BASE);
        if (dark) scene.getStylesheets().add(DARK);
        scene.getRoot().getStyleClass().remove("dark");
        if (dark) scene.getRoot().getStyleClass().add("dark");
    }
}
