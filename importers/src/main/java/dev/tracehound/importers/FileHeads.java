package dev.tracehound.importers;

import dev.tracehound.importers.read.DecompressionLimit;
import dev.tracehound.importers.read.EvidenceStreams;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the first 64 KiB of a file, decompressed when gzipped, for format detection. */
public final class FileHeads {
    public static final int HEAD_BYTES = 64 * 1024;

    private FileHeads() {}

    public static FileHead read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "no such file (or it is a folder)");
        try (InputStream in = EvidenceStreams.decoded(Files.newInputStream(file), file.getFileName().toString(), DecompressionLimit.DEFAULT)) {
            return new FileHead(file.getFileName().toString(), in.readNBytes(HEAD_BYTES));
        }
    }
}
