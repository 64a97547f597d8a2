package dev.tracehound.app.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.timeline.annotate.Annotations;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.store.Case;
import java.io.IOException;
import java.io.OutputStream;

/**
 * JSONL that Timesketch imports as it is: the required {@code message}, {@code datetime} (ISO 8601) and
 * {@code timestamp_desc}, plus {@code timestamp} in microseconds, the event's fields and Timesketch's {@code tag}
 * list carrying the investigator's tags.
 */
public final class TimesketchExporter implements EventExporter {
    static final int MESSAGE_CHARS = 400;

    @Override
    public long write(Case c, EventSelection selection, OutputStream out) throws IOException {
        return JsonLinesWriter.write(c, selection, out, TimesketchExporter::line);
    }

    static ObjectNode line(Event e, Annotations a) {
        ObjectNode o = CaseOutputs.JSON.createObjectNode();
        o.put("message", message(e));
        o.put("datetime", Timestamps.iso(e.startNanos()));
        o.put("timestamp", Timestamps.micros(e.startNanos()));
        o.put("timestamp_desc", description(e));
        o.put("event_id", e.eventId());
        o.put("kind", e.kind().name());
        o.put("trust", e.trust().name());
        putIf(o, "session_id", e.sessionId());
        putIf(o, "trace_id", e.traceId());
        putIf(o, "span_id", e.spanId());
        putIf(o, "actor", e.actor());
        putIf(o, "tool_name", e.toolName());
        putIf(o, "model", e.model());
        putIf(o, "provider", e.provider());
        putIf(o, "status", e.status());
        if (e.inputTokens() != null) o.put("input_tokens", e.inputTokens());
        if (e.outputTokens() != null) o.put("output_tokens", e.outputTokens());
        putIf(o, "text", e.text());
        o.put("evidence_sha256", e.evidenceSha256());
        o.put("locator", e.locator());
        o.put("data_type", "tracehound:event:" + e.kind().name().toLowerCase(java.util.Locale.ROOT));
        a.tags().stream().sorted().forEach(o.withArray("tag")::add);
        if (a.starred()) o.withArray("tag").add("starred");
        a.notes().forEach(o.withArray("notes")::add);
        e.flags().stream().map(Enum::name).sorted().forEach(o.withArray("flags")::add); // TIME_INFERRED: datetime is order only
        return o;
    }

    /** "[KIND] actor tool: first characters of the text", one line. */
    static String message(Event e) {
        StringBuilder m = new StringBuilder("[").append(e.kind().name()).append(']');
        if (e.actor() != null) m.append(' ').append(e.actor());
        if (e.toolName() != null && !e.toolName().equals(e.actor())) m.append(' ').append(e.toolName());
        String text = e.text() == null ? "" : e.text().replaceAll("\\s+", " ").strip();
        if (!text.isEmpty()) {
            m.append(": ").append(text, 0, Math.min(text.length(), MESSAGE_CHARS));
            if (text.length() > MESSAGE_CHARS) m.append('…');
        }
        return m.toString();
    }

    static String description(Event e) {
        return switch (e.kind()) {
            case MODEL_CALL -> "Model Request Sent";
            case MODEL_RESPONSE -> "Model Response Received";
            case TOOL_CALL -> "Tool Call Requested";
            case TOOL_RESULT -> "Tool Result Returned";
            case USER_MESSAGE -> "User Message";
            case RETRIEVAL -> "Document Retrieved";
            case TOOL_LISTING -> "Tool Listed";
            default -> "Event Recorded";
        };
    }

    private static void putIf(ObjectNode o, String k, String v) {
        if (v != null) o.put(k, v);
    }
}
