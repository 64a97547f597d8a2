package dev.tracehound.importers;

import java.io.IOException;
import java.util.Map;

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
