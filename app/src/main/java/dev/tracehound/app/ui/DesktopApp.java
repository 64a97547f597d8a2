package dev.tracehound.app.ui;

import java.util.Locale;
import javafx.application.Application;

/** Starts the JavaFX desktop workbench, or explains why it cannot (no display) and exits 2. */
public final class DesktopApp {
    static final String NO_DISPLAY = "No display found: run under a desktop session, or use `xvfb-run ./tracehound`, "
            + "or use the CLI (./tracehound --help)";

    private DesktopApp() {}

    public static void launchApp() {
        if (!hasDisplay()) {
            System.err.println("tracehound: " + NO_DISPLAY);
            System.exit(2);
        }
        Application.launch(TracehoundApplication.class);
    }

    /** Linux needs X11 or Wayland unless JavaFX is told to render headless; other systems always have a screen. */
    static boolean hasDisplay() {
        if ("headless".equalsIgnoreCase(System.getProperty("glass.platform", ""))) return true;
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) return true;
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
