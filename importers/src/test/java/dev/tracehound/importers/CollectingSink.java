package dev.tracehound.importers;

import dev.tracehound.importers.run.RecordingSink;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An in-memory sink for importer tests: counts like an import run ({@link RecordingSink}) and keeps every event,
 * quarantined record and warning for assertions.
 */
public final class CollectingSink extends RecordingSink {
    public record Quarantined(String locator, String reason, String excerpt) {}

    public record Warning(String code, String message, String locator) {}

    public final List<Event> events;
    public final List<Quarantined> quarantined;
    public final List<Warning> warnings = new ArrayList<>();
    /** Reports cancelled once this many records were read (the user pressing Cancel). */
    public long cancelAfterRecords = Long.MAX_VALUE;

    public CollectingSink() {
        this(new ArrayList<>(), new ArrayList<>());
    }

    private CollectingSink(List<Event> events, List<Quarantined> quarantined) {
        super(events::add, (l, r, e) -> quarantined.add(new Quarantined(l, r, e)), () -> false, b -> {});
        this.events = events;
        this.quarantined = quarantined;
    }

    @Override
    public void warn(String code, String message, String locator) {
        warnings.add(new Warning(code, message, locator));
        super.warn(code, message, locator);
    }

    @Override
    public boolean cancelled() {
        return records() >= cancelAfterRecords;
    }

    public List<Event> ofKind(EventKind kind) {
        return where(e -> e.kind() == kind);
    }

    public List<Event> where(Predicate<Event> p) {
        return events.stream().filter(p).toList();
    }

    public Event only(Predicate<Event> p) {
        List<Event> hits = where(p);
        if (hits.size() != 1) throw new AssertionError("expected one event, found " + hits.size() + ": " + hits);
        return hits.get(0);
    }

    /** The one event with this dedup key; fails when there is none or more than one. */
    public Event byDedupKey(String key) {
        List<Event> found = where(e -> key.equals(e.dedupKey()));
        if (found.size() != 1) throw new AssertionError("expected one event with dedupKey " + key + " but found " + found.size() + "\n" + dump());
        return found.getFirst();
    }

    /** The one TOOL_CALL a span gave (its tool call key is shared with the other record of the same call). */
    public Event toolCallOf(String spanId) {
        List<Event> found = where(e -> e.kind() == EventKind.TOOL_CALL && spanId.equals(e.spanId()));
        if (found.size() != 1) throw new AssertionError("expected one TOOL_CALL in span " + spanId + " but found " + found.size() + "\n" + dump());
        return found.getFirst();
    }

    public List<Event> bySpan(String spanId) {
        return where(e -> Objects.equals(spanId, e.spanId()));
    }

    /** Events per session id, sorted by id. */
    public Map<String, Long> sessions() {
        return events.stream().collect(Collectors.groupingBy(e -> String.valueOf(e.sessionId()), java.util.TreeMap::new, Collectors.counting()));
    }

    public long warningCount(String code) {
        return warnings.stream().filter(w -> w.code().equals(code)).count();
    }

    /** The quarantined records as "locator: reason" lines, for assertion messages. */
    public String reasons() {
        return quarantined.stream().map(q -> q.locator() + ": " + q.reason()).collect(Collectors.joining("\n"));
    }

    /** A readable listing, for assertion messages. */
    public String dump() {
        return events.stream().map(e -> e.locator() + " " + e.kind() + " key=" + e.dedupKey() + " session=" + e.sessionId()
                + " span=" + e.spanId() + " parent=" + e.parentId() + " actor=" + e.actor() + " tool=" + e.toolName()
                + " callId=" + e.toolCallId() + " model=" + e.model() + " provider=" + e.provider() + " tokens=" + e.inputTokens() + "/" + e.outputTokens()
                + " cost=" + e.costUsd() + " status=" + e.status() + " flags=" + e.flags() + " seq=" + e.sequence()
                + "\n    text=" + clip(e.text()) + "\n    payload=" + clip(e.payloadJson()))
                .collect(Collectors.joining("\n"));
    }

    private static String clip(String s) {
        if (s == null) return "null";
        s = s.replace("\n", "\\n");
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
