package dev.tracehound.timeline.store;

/** A case cannot be created or opened; the message says why and what the user can do. */
public class CaseException extends RuntimeException {
    public CaseException(String message) {
        super(message);
    }

    public CaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
