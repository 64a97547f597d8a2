package dev.tracehound.app.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.timeline.annotate.Annotations;
import dev.tracehound.timeline.event.EventJson;
import dev.tracehound.timeline.store.Case;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * One event per line in Tracehound's own event JSON ({@link EventJson}, which the {@code tracehound} importer reads
 * back), plus {@code starred}, {@code tags} and {@code notes}, so the analysis travels with the events.
 */
public final class JsonlEventExporter implements EventExporter {

    @Override
    public long write(Case c, EventSelection selection, OutputStream out) throws IOException {
        AnnotationIndex annotations = new AnnotationIndex(c);
        long[] n = {0};
        try (JsonGenerator g = CaseOutputs.JSON.getFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            selection.forEach(c, e -> {
                ObjectNode o = EventJson.toJson(e);
                Annotations a = annotations.of(e.eventId());
                o.put("starred", a.starred());
                a.tags().stream().sorted().forEach(o.withArray("tags")::add);
                a.notes().forEach(o.withArray("notes")::add);
                try {
                    g.writeTree(o);
                    g.writeRaw('\n');
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                n[0]++;
            });
        } catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
        return n[0];
    }
}
