package dev.tracehound.app.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.timeline.annotate.Annotations;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventJson;
import dev.tracehound.timeline.store.Case;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One event per line in Tracehound's own event JSON ({@link EventJson}, which the {@code tracehound} importer reads
 * back), plus {@code starred}, {@code tags} and {@code notes}, so the analysis travels with the events.
 */
public final class JsonlEventExporter implements EventExporter {

    @Override
    public long write(Case c, EventSelection selection, OutputStream out) throws IOException {
        return JsonLinesWriter.write(c, selection, out, JsonlEventExporter::line);
    }

    private static ObjectNode line(Event e, Annotations a) {
        ObjectNode o = EventJson.toJson(e);
        o.put("starred", a.starred());
        a.tags().stream().sorted().forEach(o.withArray("tags")::add);
        a.notes().forEach(o.withArray("notes")::add);
        return o;
    }
}
