package dev.tracehound.timeline.store;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventFlag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The fields that say what an event recorded, named as Tracehound's JSONL names them. Not among them: where it was
 * read (evidence file, locator), which differs between two files recording the same event, and how the case finds
 * it (id, dedup key: the Tracehound importer gives a keyless event {@code event:<id>}) or numbers it (ingest
 * sequence). Two records of one event id must agree on all of these; when they do not, one was altered or forged.
 */
enum ContentField {
    KIND("kind", Event::kind),
    START("start_nanos", Event::startNanos),
    END("end_nanos", Event::endNanos),
    SEQUENCE("sequence", Event::sequence),
    TRACE("trace_id", Event::traceId),
    SESSION("session_id", Event::sessionId),
    SPAN("span_id", Event::spanId),
    PARENT("parent_id", Event::parentId),
    NAME("name", Event::name),
    ACTOR("actor", Event::actor),
    PROVIDER("provider", Event::provider),
    MODEL("model", Event::model),
    TOOL_NAME("tool_name", Event::toolName),
    TOOL_CALL_ID("tool_call_id", Event::toolCallId),
    INPUT_TOKENS("input_tokens", Event::inputTokens),
    OUTPUT_TOKENS("output_tokens", Event::outputTokens),
    COST("cost_usd", Event::costUsd),
    STATUS("status", Event::status),
    TEXT("text", Event::text),
    PAYLOAD("payload_json", Event::payloadJson),
    TRUST("trust", Event::trust),
    FLAGS("flags", Event::flags);

    private final String key;
    private final Function<Event, Object> value;

    ContentField(String key, Function<Event, Object> value) {
        this.key = key;
        this.value = value;
    }

    /** The field's key in Tracehound's JSONL. */
    String key() {
        return key;
    }

    Object valueOf(Event e) {
        return value.apply(e);
    }

    /**
     * The fields in which {@code incoming} differs from {@code kept}; empty when both record the same content. Both
     * are compared as stored (see {@link EventRows#capped}): a stored row's text has been through UTF-8.
     */
    static List<ContentField> differing(Event kept, Event incoming) {
        List<ContentField> differing = new ArrayList<>(0);
        for (ContentField f : values()) {
            if (!f.same(f.valueOf(kept), f.valueOf(incoming))) differing.add(f);
        }
        return differing;
    }

    /**
     * What two exports of one event must agree on to be that event, when a dedup key (not an id) says they are: the
     * kind and the text. Times, payload and the rest legitimately differ between formats (nanoseconds against
     * milliseconds, each format's own attributes). A text either side marks as truncated or not captured is not
     * compared (a Langfuse export cuts long texts the OTLP export of the same span has whole).
     */
    static List<ContentField> differingForOneEvent(Event kept, Event incoming) {
        List<ContentField> differing = new ArrayList<>(0);
        if (!KIND.same(KIND.valueOf(kept), KIND.valueOf(incoming))) differing.add(KIND);
        if (wholeText(kept) && wholeText(incoming) && !TEXT.same(TEXT.valueOf(kept), TEXT.valueOf(incoming))) differing.add(TEXT);
        return differing;
    }

    private static boolean wholeText(Event e) {
        return e.text() != null && !e.flags().contains(EventFlag.CONTENT_TRUNCATED)
                && !e.flags().contains(EventFlag.CONTENT_NOT_CAPTURED);
    }

    private boolean same(Object a, Object b) {
        if (Objects.equals(a, b)) return true;
        // text and payload are stored as UTF-8, which turns an unpaired surrogate into '?'
        return (this == TEXT || this == PAYLOAD) && a != null && b != null && asUtf8((String) a).equals(asUtf8((String) b));
    }

    private static String asUtf8(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
