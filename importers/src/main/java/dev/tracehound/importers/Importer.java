package dev.tracehound.importers;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one export format into events. One class per format, registered in {@link Importers}.
 * Implementations stream: memory must not grow with the size of the file.
 */
public interface Importer {

    /** The {@code --format} name, for example {@code otlp}. */
    String format();

    /** One line for {@code --help} and the import dialog. */
    String description();

    /**
     * How sure this importer is that a file is in its format, from its first bytes (already decompressed):
     * 0 = certainly not, 100 = certainly. Must be cheap and must not throw.
     */
    int detect(FileHead head);

    /**
     * Reads the whole source, handing every event and every unreadable record to the sink. A bad record is
     * quarantined with its locator and reading goes on; only an unreadable file as a whole throws.
     */
    void read(ImportSource source, EventSink sink) throws IOException;

    /**
     * A first pass over the whole file that {@link #read} needs before it starts (OTLP maps traces to sessions), made
     * while the case copies the file into its evidence store: the copy waits on the disk, this pass on the CPU, so
     * they overlap instead of following each other. It reads the decompressed content of the original file; what it
     * finds reaches {@link #read} as {@link ImportSource#preRead()} only if the bytes it read hash to the evidence's
     * SHA-256, and otherwise {@code read} makes the pass itself over the stored copy. Empty (the default): no such pass.
     */
    default Optional<PreReader> preReader() {
        return Optional.empty();
    }

    /** A first pass over a file's decompressed content; see {@link #preReader}. May close the stream. */
    @FunctionalInterface
    interface PreReader {
        PreRead read(InputStream decoded) throws IOException;
    }

    /** What a {@link PreReader} found; each importer reads back its own kind. */
    interface PreRead {}

    /**
     * This importer set up with user options (for example the generic importer's {@code mapping} file).
     * Importers without options refuse any, so a misspelt option is not silently ignored.
     */
    default Importer configure(Map<String, String> options) {
        if (options != null && !options.isEmpty()) {
            throw new IllegalArgumentException("format " + format() + " takes no options, but got " + options.keySet());
        }
        return this;
    }
}
