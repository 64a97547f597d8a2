package dev.tracehound.app.export;

import dev.tracehound.timeline.store.Case;
import java.io.IOException;
import java.io.OutputStream;

/** Writes a case's findings in an exchange format; returns how many findings it wrote. */
public interface FindingsExporter {
    long write(Case c, OutputStream out) throws IOException;
}
