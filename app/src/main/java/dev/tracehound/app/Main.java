package dev.tracehound.app;

/** Entry point of the launcher: no arguments opens the desktop app, anything else runs the CLI. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("Tracehound 0.1.0-SNAPSHOT");
    }
}
