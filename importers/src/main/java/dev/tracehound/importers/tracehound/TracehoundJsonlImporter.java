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

/**
 * Tracehound's own JSONL (one {@link EventJson} object per line), as exports write it. Every content
 * field is kept. Identity is re-rooted in <em>this</em> file, like any evidence: the locator is
 * {@code line:N} here and the id derives from this file's hash. The original identity is not lost: the
 * event's {@code dedup_key} is kept, or, when it had none, becomes {@code event:<original event_id>}, so
 * two exports of the same event collapse into one event in a case.
 */
public final class TracehoundJsonlImporter implements Importer {

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
            Event original = b.build();
            if (original.dedupKey() == null && node.hasNonNull("event_id")) b.dedupKey("event:" + node.get("event_id").asText());
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new RecordRejected("not a Tracehound event: " + e.getMessage());
        }
    }
}
