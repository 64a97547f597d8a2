package dev.tracehound.importers.tracehound;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.EventSink;
import dev.tracehound.importers.FileHead;
import dev.tracehound.importers.ImportSource;
import dev.tracehound.importers.Importer;
import dev.tracehound.importers.read.HeadSniffer;
import dev.tracehound.importers.read.JsonlRecords;
import dev.tracehound.importers.read.RecordRejected;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventJson;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Tracehound's own JSONL (one {@link EventJson} object per line), as exports write it. Every content
 * field is kept. The file is evidence like any other: each event's locator is {@code line:N} of this file and its
 * evidence is this file's hash. Its id is the one the export carries: an export brought back into its own case adds
 * nothing (every event is already there by id), and into another case gives the events their ids again, so
 * annotations, findings and further exports keep naming the same events. A line without an id of Tracehound's form
 * (32 lowercase hex digits: a hand-written file) gets one from this file and line, as any evidence does. An event
 * without a dedup key gets {@code event:<event_id>}, the key earlier versions gave it, so an export imported by one of
 * them into a case is still recognised there.
 */
public final class TracehoundJsonlImporter implements Importer {
    /** Tracehound's event ids: {@link dev.tracehound.timeline.event.EventIds} gives 32 lowercase hex digits. */
    private static final Pattern EVENT_ID = Pattern.compile("[0-9a-f]{32}");

    @Override
    public String format() {
        return "tracehound";
    }

    @Override
    public String description() {
        return "Tracehound event JSONL (lossless export, one event per line)";
    }

    @Override
    public int detect(FileHead head) {
        var lines = HeadSniffer.jsonLines(head, 20);
        int share = HeadSniffer.percent(lines, n -> n.isObject() && n.has("event_id") && n.has("kind") && n.has("start_nanos"));
        return share >= 80 ? 95 : share / 2;
    }

    @Override
    public void read(ImportSource source, EventSink sink) throws IOException {
        JsonlRecords.read(source, sink, (node, line) -> sink.accept(toEvent(node, source.evidenceSha256(), line.locator())));
    }

    static Event toEvent(JsonNode node, String evidenceSha256, String locator) {
        try {
            Event.Builder b = EventJson.builder(node, evidenceSha256, locator);
            String id = node.hasNonNull("event_id") ? node.get("event_id").asText() : null;
            if (id != null && EVENT_ID.matcher(id).matches()) b.eventId(id);
            if (b.build().dedupKey() == null && id != null && !id.isBlank()) b.dedupKey("event:" + id);
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new RecordRejected("not a Tracehound event: " + e.getMessage());
        }
    }
}
