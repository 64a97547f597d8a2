package dev.tracehound.timeline.store;

import dev.tracehound.timeline.audit.AuditLog;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import dev.tracehound.timeline.evidence.LocalEvidenceStore;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One evidence file's import: buffers events into batches for the case's {@link IngestPipeline}, records
 * quarantined records, and on commit makes both stores durable and marks the evidence complete.
 */
final class LocalIngest implements Ingest {
    static final int BATCH_EVENTS = 2_000;
    /** Also cut batches by size, so a run of 1 MB texts does not hold gigabytes in memory. */
    static final long BATCH_CHARS = 16_000_000;
    /**
     * Exports spend a few hundred bytes on an event (OTLP JSONL about 480): a guess on the high side of how many
     * events a file may give, capped so a huge file does not reserve a huge filter at once (it grows past that).
     */
    private static final int BYTES_PER_EVENT = 256;
    private static final long MAX_EXPECTED_EVENTS = 16_000_000;
    /** Id conflicts kept for the report (all are counted, and all are in the quarantine table). */
    private static final int LISTED_ID_CONFLICTS = 1_000;

    private final IngestPipeline pipeline;
    private final H2Database db;
    private final LocalEvidenceStore evidenceStore;
    private final AuditLog audit;
    private final EvidenceRecord evidence;
    private final String actor;
    private final int batchEvents;
    /** No import of this evidence file started before this one (see {@link IngestPipeline#submit(List, boolean)}). */
    private final boolean firstImport;
    private final ArrayDeque<CompletableFuture<IngestPipeline.BatchResult>> pending = new ArrayDeque<>();
    private List<Event> buffer;
    private long bufferedChars;
    private long added;
    private long duplicates;
    private long quarantinedRecords;
    private long idConflicts;
    private final List<IdConflict> listedIdConflicts = new ArrayList<>();
    private boolean closed;

    LocalIngest(IngestPipeline pipeline, H2Database db, LocalEvidenceStore evidenceStore, AuditLog audit,
                EvidenceRecord evidence, String actor, int batchEvents) {
        this.pipeline = pipeline;
        this.db = db;
        this.evidenceStore = evidenceStore;
        this.audit = audit;
        this.evidence = evidence;
        this.actor = actor;
        this.batchEvents = batchEvents;
        this.buffer = new ArrayList<>(batchEvents);
        pipeline.expect(Math.min(MAX_EXPECTED_EVENTS, evidence.size() / BYTES_PER_EVENT + 1));
        this.firstImport = !importStarted(db, evidence.sha256());
        int cleared = evidenceStore.beginImport(evidence.sha256(), evidence.format());
        if (cleared > 0) {
            audit.append(actor, "quarantine-reset", "{\"evidence\":\"" + evidence.sha256() + "\",\"cleared\":" + cleared
                    + ",\"format\":" + Json.quote(evidence.format()) + "}");
        }
        audit.append(actor, "import.start", "{\"evidence\":\"" + evidence.sha256() + "\",\"format\":" + Json.quote(evidence.format()) + "}");
    }

    /**
     * Whether an import of this evidence file ever started: each one is audited before its first batch, and the audit
     * log is append-only, so this also holds for one a crash cut short.
     */
    private static boolean importStarted(H2Database db, String sha256) {
        return db.read("look for earlier imports of " + sha256, c -> {
            try (var ps = c.prepareStatement("SELECT 1 FROM audit WHERE action = 'import.start' AND details LIKE ? LIMIT 1")) {
                ps.setString(1, "%\"evidence\":\"" + sha256 + "\"%");
                try (var rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public synchronized void add(Event event) {
        ensureOpen();
        buffer.add(event);
        bufferedChars += length(event.text()) + length(event.payloadJson());
        if (buffer.size() >= batchEvents || bufferedChars >= BATCH_CHARS) flushBuffer();
    }

    @Override
    public synchronized void quarantine(String locator, String reason, String excerpt) {
        ensureOpen();
        pendingQuarantine.add(new String[] {locator, reason, excerpt});
        quarantinedRecords++;
        if (pendingQuarantine.size() >= QUARANTINE_ROWS_PER_WRITE) writeQuarantine();
    }

    /**
     * Quarantined records are written with the next batch of events, or every {@value #QUARANTINE_ROWS_PER_WRITE}: a
     * transaction each made 20,000 malformed lines import ten times slower than as many good ones. One lost to a crash
     * goes with an import that is not complete, whose rerun clears and rewrites the file's quarantine anyway.
     */
    private static final int QUARANTINE_ROWS_PER_WRITE = 1_000;
    private List<String[]> pendingQuarantine = new ArrayList<>();

    private void writeQuarantine() {
        if (pendingQuarantine.isEmpty()) return;
        List<String[]> rows = pendingQuarantine;
        pendingQuarantine = new ArrayList<>();
        db.inTransaction("quarantine " + rows.size() + (rows.size() == 1 ? " record" : " records"), c -> {
            try (var ps = QuarantineRows.prepare(c)) {
                for (String[] r : rows) QuarantineRows.add(ps, evidence.sha256(), r[0], r[1], r[2]);
                return ps.executeBatch();
            }
        });
    }

    @Override
    public synchronized void flush() {
        ensureOpen();
        flushBuffer();
    }

    @Override
    public synchronized IngestStats commit() {
        ensureOpen();
        flushBuffer();
        drain();
        pipeline.commitDurably();
        evidenceStore.setStatus(evidence.sha256(), "COMPLETE");
        IngestStats stats = stats();
        audit.append(actor, "import.commit", "{\"evidence\":\"" + evidence.sha256() + "\",\"added\":" + stats.added()
                + ",\"duplicates\":" + stats.duplicates() + ",\"quarantined\":" + stats.quarantined()
                + ",\"id_conflicts\":" + stats.idConflicts() + "}");
        closed = true;
        return stats;
    }

    @Override
    public synchronized IngestStats stats() {
        collectDone();
        return new IngestStats(added, duplicates, quarantinedRecords + idConflicts, idConflicts);
    }

    @Override
    public synchronized List<IdConflict> idConflicts() {
        collectDone();
        return List.copyOf(listedIdConflicts);
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        buffer = new ArrayList<>();
        writeQuarantine(); // counted when quarantined, so on record too
        drain(); // what was handed over is written and consistent; nothing more
    }

    private void flushBuffer() {
        writeQuarantine();
        if (buffer.isEmpty()) return;
        collectDone();
        pending.add(pipeline.submit(buffer, firstImport));
        buffer = new ArrayList<>(batchEvents);
        bufferedChars = 0;
    }

    /** Adds counts of finished batches and rethrows the first failure, so a broken import stops early. */
    private void collectDone() {
        while (!pending.isEmpty() && pending.peek().isDone()) account(pending.poll());
    }

    private void drain() {
        while (!pending.isEmpty()) account(pending.poll());
    }

    private void account(CompletableFuture<IngestPipeline.BatchResult> f) {
        IngestPipeline.BatchResult r = IngestPipeline.await(f);
        added += r.added();
        duplicates += r.duplicates();
        idConflicts += r.idConflicts().size();
        for (IdConflict conflict : r.idConflicts()) {
            if (listedIdConflicts.size() < LISTED_ID_CONFLICTS) listedIdConflicts.add(conflict);
        }
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("This import of " + evidence.sha256() + " is already committed or closed");
    }

    private static long length(String s) {
        return s == null ? 0 : s.length();
    }
}
