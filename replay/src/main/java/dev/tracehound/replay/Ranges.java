package dev.tracehound.replay;

/** A whole-number setting held to its range, with the message every replay setting gives: field, range, value. */
public final class Ranges {
    private Ranges() {}

    /** @param field how the caller names it (a plan field, a command-line option, a label on screen) */
    public static void requireBetween(String field, long value, long min, long max) {
        if (value < min || value > max) throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", not " + value);
    }
}
