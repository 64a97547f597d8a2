package dev.tracehound.app.cli;

/** A user error in a command's arguments or situation; its message is shown as it is. */
public class CliException extends RuntimeException {
    public CliException(String message) {
        super(message);
    }
}
