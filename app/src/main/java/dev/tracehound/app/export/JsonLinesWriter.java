package dev.tracehound.app.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.timeline.annotate.Annotations;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.store.Case;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.BiFunction;

/** Streams the selected events as one JSON object per line; the exporters differ only in the object they make. */
final class JsonLinesWriter {
    private JsonLinesWriter() {}

    static long write(Case c, EventSelection selection, OutputStream out, BiFunction<Event, Annotations, ObjectNode> line)
            throws IOException {
        AnnotationIndex annotations = new AnnotationIndex(c);
        long[] n = {0};
        try (JsonGenerator g = CaseOutputs.JSON.getFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            selection.forEach(c, e -> {
                try {
                    g.writeTree(line.apply(e, annotations.of(e.eventId())));
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
