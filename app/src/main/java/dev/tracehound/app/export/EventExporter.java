package dev.tracehound.app.export;

import dev.tracehound.timeline.store.Case;
import java.io.IOException;
import java.io.OutputStream;

/** Writes a selection of a case's events, with the investigator's tags and notes, in one file format. */
public interface EventExporter {

    /** Returns the number of events written. */
    long write(Case c, EventSelection selection, OutputStream out) throws IOException;
}
