package dev.tracehound.timeline.store;

import dev.tracehound.timeline.annotate.AnnotationStore;
import dev.tracehound.timeline.artifacts.ArtifactStore;
import dev.tracehound.timeline.audit.AuditLog;
import dev.tracehound.timeline.audit.VerifyReport;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import dev.tracehound.timeline.evidence.EvidenceStore;
import dev.tracehound.timeline.findings.FindingStore;
import dev.tracehound.timeline.search.EventSearch;
import java.nio.file.Path;

/**
 * An open investigation: one folder holding the database, the search index, the evidence and the
 * audit log. The unit of everything. Only one process may have a case open for writing; any number may have it
 * open for reading ({@link Cases#openForReading}) while none writes.
 */
public interface Case extends AutoCloseable {

    Path dir();

    /**
     * Why this case is open for reading only (its folder is on read-only media, or its files cannot or may not be
     * written), or empty when it can change. While it is read-only every change is refused with that reason.
     */
    default java.util.Optional<String> readOnly() {
        return java.util.Optional.empty();
    }

    /**
     * Whether this case is open for reading only ({@link Cases#openForReading}, or a {@link #readOnly()} case): it
     * shares the case with other readers, keeps writers out, writes nothing to the folder and refuses every change.
     */
    default boolean forReading() {
        return readOnly().isPresent();
    }

    CaseInfo info();

    EventStore events();

    EventSearch search();

    EvidenceStore evidence();

    AuditLog audit();

    FindingStore findings();

    AnnotationStore annotations();

    ArtifactStore artifacts();

    CaseDocuments documents();

    /**
     * Starts writing the events of an evidence file already added to {@link #evidence()}. For evidence not yet
     * complete, the record's format replaces the stored one and an earlier unfinished run's quarantine is cleared.
     */
    Ingest ingest(EvidenceRecord evidence, String actor);

    /** Recomputes every evidence hash and the audit chain. */
    VerifyReport verify();

    @Override
    void close();
}
