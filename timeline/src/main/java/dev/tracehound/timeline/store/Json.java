package dev.tracehound.timeline.store;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** Tiny JSON helpers for audit details written by hand. */
public final class Json {
    private Json() {}

    /** A JSON string literal, or {@code null}. */
    public static String quote(String s) {
        if (s == null) return "null";
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}
