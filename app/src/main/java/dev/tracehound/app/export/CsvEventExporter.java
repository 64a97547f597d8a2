package dev.tracehound.app.export;

import dev.tracehound.timeline.annotate.Annotations;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.store.Case;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Events as CSV for spreadsheets and SIEM uploads, one row per event with tags, notes and flags. The time is always
 * the event's time, the epoch included; {@code flags} holds {@code TIME_INFERRED} when it was inferred from order.
 */
public final class CsvEventExporter implements EventExporter {
    static final List<String> HEADER = List.of("time", "event_id", "session_id", "trace_id", "kind", "actor", "tool",
            "model", "provider", "trust", "status", "input_tokens", "output_tokens", "text", "evidence_sha256",
            "locator", "starred", "tags", "notes", "flags");

    @Override
    public long write(Case c, EventSelection selection, OutputStream out) throws IOException {
        AnnotationIndex annotations = new AnnotationIndex(c);
        long[] n = {0};
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        Csv.writeRecord(w, HEADER);
        try {
            selection.forEach(c, e -> {
                try {
                    Csv.writeRecord(w, row(e, annotations.of(e.eventId())));
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                n[0]++;
            });
        } catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
        w.flush();
        return n[0];
    }

    static List<String> row(Event e, Annotations a) {
        List<String> r = new ArrayList<>(HEADER.size());
        r.add(Timestamps.iso(e.startNanos()));
        r.add(e.eventId());
        r.add(e.sessionId());
        r.add(e.traceId());
        r.add(e.kind().name());
        r.add(e.actor());
        r.add(e.toolName());
        r.add(e.model());
        r.add(e.provider());
        r.add(e.trust().name());
        r.add(e.status());
        r.add(Objects.toString(e.inputTokens(), ""));
        r.add(Objects.toString(e.outputTokens(), ""));
        r.add(e.text());
        r.add(e.evidenceSha256());
        r.add(e.locator());
        r.add(a.starred() ? "true" : "false");
        r.add(String.join(";", a.tags().stream().sorted().toList()));
        r.add(String.join("\n", a.notes()));
        r.add(String.join(";", e.flags().stream().map(Enum::name).sorted().toList())); // TIME_INFERRED: the time is order only
        return r;
    }
}
