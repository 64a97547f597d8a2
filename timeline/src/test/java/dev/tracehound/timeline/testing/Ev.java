package dev.tracehound.timeline.testing;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import java.util.ArrayList;
import java.util.List;

/** Test helper: builds one session's events in order with short calls; times advance a millisecond per event. */
public final class Ev {
    public static final long START = 1_700_000_000_000_000_000L;
    private final String session;
    private final long start;
    private final List<Event> events = new ArrayList<>();
    private long seq;

    public Ev(String session) {
        this(session, START);
    }

    /** A session whose first event is at {@code startNanos}. */
    public Ev(String session, long startNanos) {
        this.session = session;
        this.start = startNanos;
    }

    public Event.Builder next(EventKind kind, Trust trust, String text) {
        long s = seq++;
        return Event.builder("c".repeat(64), session + ":" + s).sessionId(session).sequence(s)
                .startNanos(start + s * 1_000_000L).kind(kind).trust(trust).text(text);
    }

    public Event add(Event.Builder b) {
        Event e = b.build();
        events.add(e);
        return e;
    }

    public Event system(String text) { return add(next(EventKind.SYSTEM_PROMPT, Trust.SYSTEM, text).actor("system")); }
    public Event user(String text) { return add(next(EventKind.USER_MESSAGE, Trust.USER, text).actor("user")); }
    public Event assistant(String text) {
        return add(next(EventKind.MODEL_RESPONSE, Trust.MODEL, text).actor("assistant")
                .payloadJson("{\"content\":" + quote(text) + ",\"tool_calls\":[]}"));
    }
    public Event call(String id, String tool, String argsJson) {
        return add(next(EventKind.TOOL_CALL, Trust.MODEL, tool + "(" + argsJson + ")").actor("assistant").toolName(tool).toolCallId(id)
                .payloadJson("{\"name\":" + quote(tool) + ",\"arguments\":" + argsJson + "}"));
    }
    public Event result(String id, String tool, String text) {
        return add(next(EventKind.TOOL_RESULT, Trust.TOOL_OUTPUT, text).actor(tool).toolName(tool).toolCallId(id));
    }
    public Event retrieval(String text) { return add(next(EventKind.RETRIEVAL, Trust.RETRIEVED_DOCUMENT, text)); }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public String session() {
        return session;
    }

    public static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
