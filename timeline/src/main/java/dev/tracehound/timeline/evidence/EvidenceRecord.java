package dev.tracehound.timeline.evidence;

import java.nio.file.Path;
import java.time.Instant;

/**
 * An imported file kept as evidence: stored read-only under its SHA-256.
 *
 * @param status {@code IMPORTING} until an import commits, then {@code COMPLETE}
 */
public record EvidenceRecord(
        String sha256, long size, String originalPath, String format, Instant importedAt, Path storedPath, String status) {

    public boolean complete() {
        return "COMPLETE".equals(status);
    }
}
