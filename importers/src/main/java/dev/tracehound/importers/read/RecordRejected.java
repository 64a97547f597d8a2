package dev.tracehound.importers.read;

/** Thrown by a record handler when a record is readable JSON but not a record of its format; it is quarantined. */
public class RecordRejected extends RuntimeException {
    public RecordRejected(String reason) {
        super(reason, null, false, false);
    }
}
