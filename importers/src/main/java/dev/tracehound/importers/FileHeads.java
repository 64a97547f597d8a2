package dev.tracehound.importers;

import dev.tracehound.importers.read.DecompressionLimit;
import dev.tracehound.importers.read.EvidenceStreams;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the first 64 KiB of a file, decompressed when gzipped, for format detection. Of a damaged gzip stream, what
 * inflated before the damage; one that inflates nothing is refused ({@link dev.tracehound.importers.read.GzipDamageException}).
 */
public final class FileHeads {
    public static final int HEAD_BYTES = 64 * 1024;

    private FileHeads() {}

    public static FileHead read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "no such file (or it is a folder)");
        // the raw stream is closed here too: a refused gzip header leaves no decoded stream to close
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = EvidenceStreams.decoded(raw, file.getFileName().toString(), DecompressionLimit.DEFAULT)) {
            return new FileHead(file.getFileName().toString(), EvidenceStreams.head(in, HEAD_BYTES));
        }
    }
}
