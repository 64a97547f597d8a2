package dev.tracehound.importers.read;

import java.util.HashMap;
import java.util.Map;

/**
 * Numbers each session's events in the order they are read (an event's {@code sequence}), from 0. One mutable
 * counter per session: counting in boxed {@code Long}s allocated one object per event and kept a long-lived map
 * pointing at young objects, which every young collection of a large import had to trace.
 */
public final class SessionSequences {
    private final Map<String, long[]> counters = new HashMap<>();

    /** The next number in this session; events without a session (null) are numbered as one more session. */
    public long next(String session) {
        return counters.computeIfAbsent(session, s -> new long[1])[0]++;
    }
}
