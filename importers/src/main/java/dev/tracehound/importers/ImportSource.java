package dev.tracehound.importers;

import java.io.IOException;
import java.io.InputStream;

/**
 * The evidence being imported.
 *
 * @param evidenceSha256 the SHA-256 of the evidence file as stored (events' ids derive from it)
 * @param fileName the original file name, for sessions named after files
 * @param preRead what the importer's {@link Importer#preReader} found in these very bytes, or null
 */
public record ImportSource(String evidenceSha256, String fileName, long size, StreamOpener opener, Importer.PreRead preRead) {

    /** A source without a pre-read: the importer makes any first pass itself. */
    public ImportSource(String evidenceSha256, String fileName, long size, StreamOpener opener) {
        this(evidenceSha256, fileName, size, opener, null);
    }

    /** Opens the content, decompressed when the evidence is gzipped. May be called more than once. */
    public InputStream open() throws IOException {
        return opener.open();
    }

    @FunctionalInterface
    public interface StreamOpener {
        InputStream open() throws IOException;
    }
}
