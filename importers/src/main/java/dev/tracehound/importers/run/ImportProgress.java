package dev.tracehound.importers.run;

import java.nio.file.Path;

/**
 * Where an import stands. {@code bytesRead} counts decoded bytes, so for a gzipped file it may pass
 * {@code totalBytes} (the stored, compressed size).
 */
public record ImportProgress(Path file, long bytesRead, long totalBytes, long records, double recordsPerSecond, boolean done) {}
