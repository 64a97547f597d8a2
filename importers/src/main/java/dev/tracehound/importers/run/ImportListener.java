package dev.tracehound.importers.run;

/** Receives progress of an import, about ten times a second at most, on the importing thread. */
@FunctionalInterface
public interface ImportListener {
    ImportListener NONE = progress -> {};

    void progress(ImportProgress progress);
}
