package dev.tracehound.app.ui;

/** The JavaFX desktop workbench (being built). */
public final class DesktopApp {
    private DesktopApp() {}

    public static void launchApp() {
        System.err.println("tracehound: the desktop app is not built yet; run ./tracehound --help for the CLI");
    }
}
