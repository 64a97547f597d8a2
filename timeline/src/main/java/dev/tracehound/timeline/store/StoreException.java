package dev.tracehound.timeline.store;

/** A read or write on an open case failed (database or index I/O); the message names the operation. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
    }
}
