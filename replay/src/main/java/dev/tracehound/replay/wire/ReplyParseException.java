package dev.tracehound.replay.wire;

/** A response body that does not read as the wire format promised; the message says what was wrong. */
public class ReplyParseException extends RuntimeException {
    public ReplyParseException(String message) {
        super(message);
    }
}
