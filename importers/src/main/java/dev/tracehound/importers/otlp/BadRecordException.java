package dev.tracehound.importers.otlp;

/** A record that cannot become events; the reader quarantines it with this message and goes on. */
public final class BadRecordException extends Exception {
    public BadRecordException(String message) {
        super(message, null, false, false);
    }
}
