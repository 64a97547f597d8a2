package dev.tracehound.timeline.store;

import dev.tracehound.timeline.annotate.AnnotationStore;
import dev.tracehound.timeline.annotate.H2AnnotationStore;
import dev.tracehound.timeline.artifacts.ArtifactStore;
import dev.tracehound.timeline.artifacts.H2ArtifactStore;
import dev.tracehound.timeline.audit.AuditLog;
import dev.tracehound.timeline.audit.CaseVerifier;
import dev.tracehound.timeline.audit.H2AuditLog;
import dev.tracehound.timeline.audit.VerifyReport;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import dev.tracehound.timeline.evidence.EvidenceStore;
import dev.tracehound.timeline.evidence.LocalEvidenceStore;
import dev.tracehound.timeline.findings.FindingStore;
import dev.tracehound.timeline.findings.H2FindingStore;
import dev.tracehound.timeline.search.EventSearch;
import dev.tracehound.timeline.search.LuceneEventSearch;
import dev.tracehound.timeline.search.LuceneIndex;
import java.nio.file.Path;

/** A case in a local folder: H2 file database, Lucene index, evidence folder and audit log, held under a lock. */
public final class LocalCase implements Case {
    /** Lucene's indexing buffer: beyond 64 MB flushes get rarer but the heap grows (a case must import within a 1 GB heap). */
    static final double INDEX_RAM_BUFFER_MB = 64;

    private final CaseFolder folder;
    private final CaseInfo info;
    private final CaseLock lock;
    private final H2Database db;
    private final LuceneIndex index;
    private final H2AuditLog audit;
    private final H2EventStore events;
    private final LuceneEventSearch search;
    private final LocalEvidenceStore evidence;
    private final H2FindingStore findings;
    private final H2AnnotationStore annotations;
    private final H2ArtifactStore artifacts;
    private final H2CaseDocuments documents;
    private final IngestPipeline pipeline;
    /** Whether the case is open for reading only, under a shared lock: a read-only case, or {@link Cases#openForReading}. */
    private final boolean forReading;
    /** Why the case cannot be written (read-only media or files), or null; such a case is always open for reading. */
    private final String readOnly;
    /** A search index built outside the case folder for a read-only case whose own index is not usable, or null. */
    private final Path scratchIndex;
    private volatile boolean closed;

    LocalCase(CaseFolder folder, CaseInfo info, CaseLock lock, H2Database db, LuceneIndex index) {
        this(folder, info, lock, db, index, false, null, null);
    }

    /**
     * A case open for reading only ({@code forReading}), as a read-only case ({@code readOnly} says why it cannot be
     * written) or as a writable one that this opener only reads ({@code readOnly} null).
     */
    LocalCase(CaseFolder folder, CaseInfo info, CaseLock lock, H2Database db, LuceneIndex index, boolean forReading, String readOnly,
              Path scratchIndex) {
        this.forReading = forReading || readOnly != null;
        this.readOnly = readOnly;
        this.scratchIndex = scratchIndex;
        this.folder = folder;
        this.info = info;
        this.lock = lock;
        this.db = db;
        this.index = index;
        this.audit = new H2AuditLog(db, folder.auditHead());
        this.events = new H2EventStore(db, index);
        this.search = new LuceneEventSearch(index, events::bySeqs);
        this.evidence = new LocalEvidenceStore(folder.evidence(), db, audit);
        this.findings = new H2FindingStore(db, audit);
        this.annotations = new H2AnnotationStore(db, audit);
        this.artifacts = new H2ArtifactStore(db, audit);
        this.documents = new H2CaseDocuments(db);
        this.pipeline = new IngestPipeline(db, index, events, events.maxSeq());
        if (readOnly != null) db.refuseWrites(ReadOnlyCase.refusal(folder.dir(), readOnly));
        else if (this.forReading) db.refuseWrites(ReadOnlyCase.openedForReading(folder.dir()));
        else audit.headProblem().ifPresent(problem -> db.refuseWrites(H2AuditLog.refusal(problem)));
    }

    /**
     * Brings the index level with the database after an interrupted run: rows above the index's watermark are
     * indexed again (replacing any copy by id), documents the database never committed are removed.
     *
     * @return how many rows were reindexed
     */
    long reconcileIndex() {
        long watermark = index.watermark();
        long maxSeq = events.maxSeq();
        if (watermark == maxSeq) return 0;
        index.deleteAbove(maxSeq);
        long[] count = {0};
        events.forEachAfterSeq(Math.min(watermark, maxSeq), (e, seq, also) -> {
            index.update(e, seq, also);
            count[0]++;
        });
        index.commit(maxSeq);
        return count[0];
    }

    /**
     * Counts the rows an interrupted run committed after the session totals were last written; a case that refuses
     * writes lists its sessions with the totals as they were.
     *
     * @return how many rows were counted
     */
    long reconcileSessionStats() {
        if (!db.acceptsWrites()) return 0;
        return db.inTransaction("count an interrupted import's rows into the sessions' totals", SessionStats::catchUp);
    }

    @Override public Path dir() { return folder.dir(); }
    @Override public java.util.Optional<String> readOnly() { return java.util.Optional.ofNullable(readOnly); }
    @Override public boolean forReading() { return forReading; }
    @Override public CaseInfo info() { return info; }
    @Override public EventStore events() { return events; }
    @Override public EventSearch search() { return search; }
    @Override public EvidenceStore evidence() { return evidence; }
    @Override public AuditLog audit() { return audit; }
    @Override public FindingStore findings() { return findings; }
    @Override public AnnotationStore annotations() { return annotations; }
    @Override public ArtifactStore artifacts() { return artifacts; }
    @Override public CaseDocuments documents() { return documents; }

    /** The exports folder, for reports written from this case. */
    public Path exportsDir() { return folder.exports(); }

    /** The H2 database, for features that need their own queries (kept narrow on purpose). */
    public H2Database database() { return db; }

    public LuceneIndex index() { return index; }

    @Override
    public Ingest ingest(EvidenceRecord record, String actor) {
        return ingest(record, actor, LocalIngest.BATCH_EVENTS);
    }

    /** An ingest with a chosen batch size (tests and the benchmark). */
    public Ingest ingest(EvidenceRecord record, String actor, int batchEvents) {
        ensureOpen();
        if (evidence.get(record.sha256()).isEmpty()) {
            throw new IllegalArgumentException("Evidence " + record.sha256() + " is not in this case; add the file to the evidence store first");
        }
        return new LocalIngest(pipeline, db, evidence, audit, record, actor, batchEvents);
    }

    @Override
    public VerifyReport verify() {
        ensureOpen();
        return new CaseVerifier(evidence, audit).verify();
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("The case " + folder.dir() + " is closed");
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            // whatever reached the database is indexed and committed with its watermark; a case open for reading wrote nothing
            if (!forReading) pipeline.commitDurably();
        } finally {
            try {
                pipeline.close();
                index.close();
            } finally {
                try {
                    db.close();
                } finally {
                    lock.close();
                    if (scratchIndex != null) deleteScratch(scratchIndex);
                }
            }
        }
    }

    /** Removes the temporary search index of a case open for reading (it holds nothing the database does not). */
    static void deleteScratch(Path dir) {
        try (var files = java.nio.file.Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) java.nio.file.Files.deleteIfExists(p);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // a leftover in the temporary folder; the case itself is untouched
        }
    }
}
