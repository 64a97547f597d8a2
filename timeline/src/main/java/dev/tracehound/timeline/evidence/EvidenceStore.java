package dev.tracehound.timeline.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The evidence folder of a case: files copied in under their SHA-256, read-only, never changed. */
public interface EvidenceStore {

    /**
     * Copies a file into the case while hashing it (one pass), makes the copy read-only and records it.
     * Adding a file already present returns the existing record.
     */
    EvidenceRecord add(Path file, String format) throws IOException;

    Optional<EvidenceRecord> get(String sha256);

    List<EvidenceRecord> list();

    /** How many records of each evidence file were quarantined (by SHA-256; files without any are left out). */
    java.util.Map<String, Long> quarantinedRecords();

    /**
     * The first {@code limit} quarantined records of one evidence file, in the order its import set them aside;
     * {@link #quarantinedRecords} counts them all.
     */
    List<QuarantinedRecord> quarantined(String sha256, int limit);

    /** Opens the stored copy; importers read this, never the original. */
    InputStream open(String sha256) throws IOException;
}
