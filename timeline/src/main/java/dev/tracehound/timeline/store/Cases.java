package dev.tracehound.timeline.store;

import java.nio.file.Path;

/** Creates and opens cases stored locally (H2 file database + Lucene index in the case folder). */
public final class Cases {
    private Cases() {}

    /** Creates a new case in an empty or missing folder. */
    public static Case create(Path dir, String name) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Opens an existing case, checking its schema version and taking the write lock. */
    public static Case open(Path dir) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
