package dev.tracehound.app.ui;

import javafx.stage.Stage;

/**
 * JavaFX 26's Headless platform has a fixed 1000×1000 screen and copies each window's pixels into it by linear index;
 * a 1440×900 workbench placed lower than about y = 100 runs past the end of that buffer and the render thread throws
 * (seen as an IndexOutOfBoundsException from HeadlessWindow.blit failing a test). Pinning the window to the top-left
 * keeps every pixel inside.
 */
final class HeadlessScreen {
    private HeadlessScreen() {}

    static void pinTopLeft(Stage stage) {
        stage.setX(0);
        stage.setY(0);
    }
}
