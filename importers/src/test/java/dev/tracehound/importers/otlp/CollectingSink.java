package dev.tracehound.importers.otlp;

import dev.tracehound.importers.EventSink;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** An in-memory sink for importer tests: keeps every event, quarantined record and warning. */
public final class CollectingSink implements EventSink {
    public record Quarantined(String locator, String reason, String excerpt) {}

    public record Warning(String code, String message, String locator) {}

    public final List<Event> events = new ArrayList<>();
    public final List<Quarantined> quarantined = new ArrayList<>();
    public final List<Warning> warnings = new ArrayList<>();
    public long records;
    /** Reports cancelled once this many records were read (the user pressing Cancel). */
    public long cancelAfterRecords = Long.MAX_VALUE;

    @Override
    public void accept(Event event) {
        events.add(event);
    }

    @Override
    public void quarantine(String locator, String reason, String excerpt) {
        quarantined.add(new Quarantined(locator, reason, excerpt));
    }

    @Override
    public void warn(String code, String message, String locator) {
        warnings.add(new Warning(code, message, locator));
    }

    @Override
    public void recordRead(long bytesConsumedSoFar) {
        records++;
    }

    @Override
    public boolean cancelled() {
        return records >= cancelAfterRecords;
    }

    public List<Event> ofKind(EventKind kind) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }

    /** The one event with this dedup key; fails when there is none or more than one. */
    public Event byDedupKey(String key) {
        List<Event> found = events.stream().filter(e -> key.equals(e.dedupKey())).toList();
        if (found.size() != 1) throw new AssertionError("expected one event with dedupKey " + key + " but found " + found.size() + "\n" + dump());
        return found.getFirst();
    }

    /** The one TOOL_CALL a span gave (its tool call key is shared with the other record of the same call). */
    public Event toolCallOf(String spanId) {
        List<Event> found = events.stream().filter(e -> e.kind() == EventKind.TOOL_CALL && spanId.equals(e.spanId())).toList();
        if (found.size() != 1) throw new AssertionError("expected one TOOL_CALL in span " + spanId + " but found " + found.size() + "\n" + dump());
        return found.getFirst();
    }

    public List<Event> bySpan(String spanId) {
        return events.stream().filter(e -> Objects.equals(spanId, e.spanId())).toList();
    }

    public long warningCount(String code) {
        return warnings.stream().filter(w -> w.code().equals(code)).count();
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
