package dev.tracehound.timeline.store;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.search.LuceneIndex;
import dev.tracehound.timeline.store.StoredKeys.Original;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The case's write path, shared by all ingests: one database writer thread that deduplicates, numbers and inserts
 * batches (one transaction each), and indexer threads that feed the same batches to Lucene meanwhile. The database
 * is the source of truth: a batch reaches the index only after its transaction committed, and the index is
 * committed (rarely) only after a database checkpoint, with the highest ingest sequence it contains.
 */
final class IngestPipeline implements AutoCloseable {
    /**
     * Lucene commits about this often during a long import (events); the end of every import commits too. Commits are
     * costly, so rare; after a crash everything above the last one is indexed again from the database. The system
     * property {@code tracehound.indexCommitEvery} overrides it (tests use it to crash between commits).
     */
    static final long INDEX_COMMIT_EVERY = Long.getLong("tracehound.indexCommitEvery", 100_000);
    /**
     * How often (events) the index's key lookups are refreshed during a long import; {@link StoredKeys} remembers the
     * rows stored since, so this bounds its memory (about 300 bytes per row).
     */
    static final long PUBLISH_EVERY = Math.min(INDEX_COMMIT_EVERY, 50_000);
    private static final int INDEXER_THREADS = 2;

    private final H2Database db;
    private final LuceneIndex index;
    private final H2EventStore events;
    private final ExecutorService dbWriter = Executors.newSingleThreadExecutor(named("tracehound-db-writer"));
    private final ExecutorService indexers = Executors.newFixedThreadPool(INDEXER_THREADS, named("tracehound-indexer"));
    /** Bounds memory: at most this many batches between the importer and the index. */
    private final ExecutorService committer = Executors.newSingleThreadExecutor(named("tracehound-index-committer"));
    private volatile CompletableFuture<Void> periodicCommit = CompletableFuture.completedFuture(null);
    private final Semaphore inFlight = new Semaphore(3);
    private final ConcurrentLinkedQueue<CompletableFuture<?>> indexing = new ConcurrentLinkedQueue<>();
    private final AtomicLong lastSeq;
    private final StoredKeys keys;
    private final PendingSessionStats sessionTotals = new PendingSessionStats();
    private final long publishEvery;
    private long uncommittedInIndex;
    private long unpublished;

    IngestPipeline(H2Database db, LuceneIndex index, H2EventStore events, long lastSeq) {
        this(db, index, events, lastSeq, PUBLISH_EVERY);
    }

    IngestPipeline(H2Database db, LuceneIndex index, H2EventStore events, long lastSeq, long publishEvery) {
        this.publishEvery = publishEvery;
        this.db = db;
        this.events = events;
        this.index = index;
        this.lastSeq = new AtomicLong(lastSeq);
        this.keys = new StoredKeys(index);
    }

    /**
     * What became of one batch's events, reported back to its ingest.
     *
     * @param idConflicts events not added because their id is stored with other content (quarantined)
     */
    record BatchResult(long added, long duplicates, List<IdConflict> idConflicts) {}

    /** Queues a batch of an evidence file imported before (see {@link #submit(List, boolean)}). */
    CompletableFuture<BatchResult> submit(List<Event> batch) {
        return submit(batch, false);
    }

    /**
     * Queues a batch; blocks while too many batches are under way (backpressure on the importer).
     *
     * @param firstImport the batch's evidence file was never imported before (not even in part), so none of its
     *     sightings of stored events can be recorded already: they are inserted without looking for them first
     */
    CompletableFuture<BatchResult> submit(List<Event> batch, boolean firstImport) {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Import interrupted", e);
        }
        CompletableFuture<BatchResult> done = new CompletableFuture<>();
        dbWriter.execute(() -> {
            try {
                Written w = db.inTransaction("store a batch of events", c -> write(c, batch, firstImport));
                keys.stored(w.events, w.seqs);
                sessionTotals.add(w.events, w.seqs);
                if (!w.reindex.isEmpty()) reindexWithFurtherEvidence(w.reindex);
                if (w.events.isEmpty()) {
                    inFlight.release();
                    done.complete(w.result);
                } else {
                    CompletableFuture<Void> indexed = indexInParallel(w.events, w.seqs, w.alsoEvidence);
                    indexing.add(indexed);
                    indexed.whenComplete((v, err) -> {
                        inFlight.release();
                        if (err != null) done.completeExceptionally(err); else done.complete(w.result);
                    });
                    unpublished += w.events.size();
                    uncommittedInIndex += w.events.size();
                }
            } catch (RuntimeException | Error e) {
                inFlight.release();
                done.completeExceptionally(e);
                return;
            }
            if (unpublished >= publishEvery) publishInBackground();
        });
        return done;
    }

    /** An ingest announces about how many events it may add, so key lookups are sized for them (see {@link KeyFilter}). */
    void expect(long events) {
        dbWriter.execute(() -> keys.expect(events));
    }

    /** Waits for every queued batch, makes the database durable, then commits the index with its watermark. */
    void commitDurably() {
        await(CompletableFuture.runAsync(this::commitIndexOnWriterThread, dbWriter));
    }

    long lastSeq() {
        return lastSeq.get();
    }

    /** Rows whose keys are held in memory until the index's lookups see them (bounded by the publish interval). */
    int rememberedKeys() {
        return await(CompletableFuture.supplyAsync(keys::remembered, dbWriter));
    }

    private void commitIndexOnWriterThread() {
        awaitAllIndexed();
        sessionTotals.write(db);
        db.checkpoint();
        long watermark = lastSeq.get();
        index.commit(watermark);
        keys.searchableUpTo(watermark);
        uncommittedInIndex = 0;
        unpublished = 0;
    }

    /**
     * Every {@link #publishEvery} events of a long import, off the writer thread so inserts and indexing go on
     * meanwhile: once the batches handed to the indexers so far are indexed, the index's key lookups are refreshed
     * (so {@link StoredKeys} can forget those rows), and about every {@link #INDEX_COMMIT_EVERY} events the index is
     * committed. A commit's watermark is the last sequence handed to the indexers; documents added while it runs may
     * be in the commit too, which is safe: any whose rows the database loses in a crash lie above its highest
     * sequence, and opening the case deletes those.
     */
    private void publishInBackground() {
        List<CompletableFuture<?>> upTo = new ArrayList<>();
        for (CompletableFuture<?> f; (f = indexing.poll()) != null; ) upTo.add(f);
        long watermark = lastSeq.get();
        unpublished = 0;
        sessionTotals.write(db);
        boolean commit = uncommittedInIndex >= INDEX_COMMIT_EVERY;
        if (commit) {
            uncommittedInIndex = 0;
            // between transactions on this thread: the rows up to the watermark are committed, now also durable
            db.checkpoint();
        }
        periodicCommit = CompletableFuture.runAsync(() -> {
            upTo.forEach(IngestPipeline::await);
            if (commit) index.commit(watermark); else index.refresh();
            keys.searchableUpTo(watermark);
        }, committer);
    }

    /** Waits until every batch handed over so far is indexed (including those a background publish took over). */
    private void awaitAllIndexed() {
        await(periodicCommit);
        awaitIndexing();
    }

    private void awaitIndexing() {
        for (CompletableFuture<?> f; (f = indexing.poll()) != null; ) await(f);
    }

    /**
     * Events stored by earlier batches that this batch saw again in another evidence file: their documents get the
     * new evidence value. Earlier batches must be indexed first, or an add still queued would follow the update and
     * leave two documents with one id. Rare (only dedupKey matches across files), so waiting here is fine.
     */
    private void reindexWithFurtherEvidence(Set<Long> seqs) {
        awaitAllIndexed();
        events.forEachBySeq(seqs, index::update);
    }

    private CompletableFuture<Void> indexInParallel(List<Event> events, long[] seqs, Map<String, List<String>> also) {
        int half = events.size() / 2;
        if (half < 100) return CompletableFuture.runAsync(() -> index.add(events, seqs, also), indexers);
        long[] first = java.util.Arrays.copyOfRange(seqs, 0, half);
        long[] second = java.util.Arrays.copyOfRange(seqs, half, seqs.length);
        return CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> index.add(events.subList(0, half), first, also), indexers),
                CompletableFuture.runAsync(() -> index.add(events.subList(half, events.size()), second, also), indexers));
    }

    /**
     * @param alsoEvidence for new events of this batch: further evidence files seen in the same batch
     * @param reindex events stored earlier whose evidence list grew (ingest sequences)
     */
    private record Written(BatchResult result, List<Event> events, long[] seqs, Map<String, List<String>> alsoEvidence, Set<Long> reindex) {}

    /** Runs on the writer thread inside one transaction. */
    private Written write(Connection c, List<Event> batch, boolean firstImport) throws SQLException {
        List<Event> candidates = new ArrayList<>(batch.size());
        Map<String, Event> firstOfId = new HashMap<>();
        List<Event> repeatedInBatch = null; // rare: created when needed
        Set<String> batchKeys = new HashSet<>();
        for (Event raw : batch) {
            Event e = EventRows.capped(raw);
            if (firstOfId.putIfAbsent(e.eventId(), e) != null) {
                if (repeatedInBatch == null) repeatedInBatch = new ArrayList<>();
                repeatedInBatch.add(e);
                continue;
            }
            candidates.add(e);
            if (e.dedupKey() != null) batchKeys.add(e.dedupKey());
        }
        Map<String, Long> existing = keys.existingIds(c, firstOfId.keySet());
        // only ids found stored cost a read: the whole rows, to compare what they recorded
        Map<String, Event> stored = existing.isEmpty() ? Map.of() : storedEvents(c, existing.values());
        IdRepeats repeats = new IdRepeats();
        long duplicates = 0;
        Map<String, Original> byDedupKey = keys.originals(c, batchKeys);
        List<Event> fresh = new ArrayList<>(candidates.size());
        long[] seqs = new long[candidates.size()];
        List<Sighting> alsoSeenIn = new ArrayList<>();
        List<Sighting> fromOtherFiles = List.of(); // checked below, against the stored rows
        for (Event e : candidates) {
            Event kept = stored.get(e.eventId());
            if (kept != null) {
                if (repeats.isDuplicate(kept, e)) duplicates++;
                continue;
            }
            String key = e.dedupKey();
            Original original = key == null ? null : byDedupKey.get(key);
            if (original != null) {
                Sighting sighting = new Sighting(original, e.evidenceSha256(), e.locator(), e);
                if (original.evidenceSha().equals(e.evidenceSha256())) {
                    duplicates++; // a file repeating itself (chat histories): its keys come from its own content
                    alsoSeenIn.add(sighting);
                } else {
                    if (fromOtherFiles.isEmpty()) fromOtherFiles = new ArrayList<>();
                    fromOtherFiles.add(sighting);
                }
                continue;
            }
            long seq = lastSeq.incrementAndGet();
            if (key != null) byDedupKey.put(key, new Original(seq, e.eventId(), e.evidenceSha256()));
            seqs[fresh.size()] = seq;
            fresh.add(e);
        }
        if (repeatedInBatch != null) {
            // compared with the event the id stands for: the stored one, else the batch's first
            for (Event e : repeatedInBatch) {
                if (repeats.isDuplicate(stored.getOrDefault(e.eventId(), firstOfId.get(e.eventId())), e)) duplicates++;
            }
        }
        if (!fromOtherFiles.isEmpty()) {
            // a dedup key from another file: the same event only if it records what the stored one does
            Map<String, Event> originals = storedEvents(c, fromOtherFiles.stream().map(x -> x.original.seq()).distinct().toList());
            for (Sighting x : fromOtherFiles) {
                Event kept = originals.get(x.original.id());
                if (kept == null || repeats.isSameEvent(kept, x.incoming)) {
                    duplicates++;
                    alsoSeenIn.add(x);
                }
            }
        }
        repeats.quarantine(c);
        seqs = java.util.Arrays.copyOf(seqs, fresh.size());
        if (!fresh.isEmpty()) EventRows.insertAll(c, fresh, seqs);
        if (!alsoSeenIn.isEmpty()) {
            // A locator gives one event id, so a first import records each sighting once; a rerun may repeat one.
            // (MERGE looks through every earlier sighting of the original: a history message repeated in each call.)
            try (PreparedStatement ps = c.prepareStatement(firstImport ? SIGHTING_INSERT : SIGHTING_MERGE)) {
                for (Sighting row : alsoSeenIn) {
                    ps.setLong(1, row.original.seq());
                    ps.setString(2, row.original.id());
                    ps.setString(3, row.evidenceSha);
                    ps.setString(4, row.locator);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        // Only a sighting in another evidence file changes the original's document (its evidence field); the same
        // message seen again later in the same file (chat histories repeat) is recorded above and needs no reindex.
        Map<String, List<String>> alsoEvidence = new HashMap<>();
        Set<Long> reindex = new HashSet<>();
        Set<String> freshIds = new HashSet<>();
        for (Event e : fresh) freshIds.add(e.eventId());
        for (Sighting row : alsoSeenIn) {
            if (row.evidenceSha.equals(row.original.evidenceSha())) continue;
            if (freshIds.contains(row.original.id())) alsoEvidence.computeIfAbsent(row.original.id(), k -> new ArrayList<>()).add(row.evidenceSha);
            else reindex.add(row.original.seq());
        }
        return new Written(new BatchResult(fresh.size(), duplicates, repeats.conflicts()), fresh, seqs, alsoEvidence, reindex);
    }

    /** The stored events with these ingest sequences, by id: one query per {@link EventRows#PER_QUERY} rows. */
    private static Map<String, Event> storedEvents(Connection c, Collection<Long> seqs) throws SQLException {
        Map<String, Event> byId = new HashMap<>();
        EventRows.eventsBySeq(c, seqs.stream().mapToLong(Long::longValue).toArray(), rs -> {
            Event e = EventRows.read(rs);
            byId.put(e.eventId(), e);
        });
        return byId;
    }

    private static final String SIGHTING_INSERT = "INSERT INTO event_evidence (event_seq, event_id, evidence_sha, locator) VALUES (?,?,?,?)";
    private static final String SIGHTING_MERGE = "MERGE INTO event_evidence (event_seq, event_id, evidence_sha, locator) "
            + "KEY (event_seq, evidence_sha, locator) VALUES (?,?,?,?)";

    /** An event seen again: where (evidence file and locator) the original was recorded once more, and as what. */
    private record Sighting(Original original, String evidenceSha, String locator, Event incoming) {}

    static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Import interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.util.concurrent.CompletionException ce && ce.getCause() != null) cause = ce.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new StoreException("Import failed", cause);
        }
    }

    @Override
    public void close() {
        dbWriter.shutdown();
        try {
            dbWriter.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        awaitIndexingQuietly();
        committer.shutdown();
        indexers.shutdown();
    }

    private void awaitIndexingQuietly() {
        try {
            awaitIndexing();
        } catch (RuntimeException ignored) {
            // the failure was reported to the ingest that caused it
        }
    }

    private static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
