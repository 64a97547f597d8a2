package dev.tracehound.timeline.search;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.store.KeywordLookup;
import dev.tracehound.timeline.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The case's Lucene index: one writer, near-real-time searchers, and commits that record the highest ingest
 * sequence they contain (the watermark), so after a crash the case knows which database rows to index again.
 * The only class that opens Lucene files; a search cluster could take its place.
 */
public final class LuceneIndex implements KeywordLookup, AutoCloseable {
    static final String WATERMARK_KEY = "tracehound.ingestSeq";
    static final String LAYOUT_KEY = "tracehound.indexLayout";
    /**
     * The document layout this build writes. An index with an older layout (or none recorded: layout 1) is emptied
     * on open with watermark 0, so the case indexes every database row again. Layout 2 added the dedup key; layout 3
     * names hits by ingest sequence only (no id doc values) and keeps doc values only for the fields counted in facets;
     * layout 4 indexes dedup keys as hashes ({@link DedupTerms}).
     */
    static final int LAYOUT = 4;

    private final Directory directory;
    /** Null when the index is open for reading only ({@link #openReadOnly}). */
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile boolean stale;

    private LuceneIndex(Directory directory, IndexWriter writer) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
    }

    private LuceneIndex(Directory directory) throws IOException {
        this.directory = directory;
        this.writer = null;
        this.searchers = new SearcherManager(directory, null);
    }

    /**
     * Segments Lucene keeps per size tier before it merges them (its default is 10). A case is written in bulk and
     * then searched: merging about half as often cut a 2 GB import's CPU by 8% (merges had been 15% of it), and
     * searches of a 1M-event case stayed within a few milliseconds of the default (docs/case-store.md).
     */
    static final double SEGMENTS_PER_TIER = 25;

    public static LuceneIndex open(Path dir, double ramBufferMb) {
        try {
            Directory directory = FSDirectory.open(dir);
            IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            config.setRAMBufferSizeMB(ramBufferMb);
            config.setCommitOnClose(false); // only explicit commits carry a watermark
            config.setMergePolicy(new TieredMergePolicy().setSegmentsPerTier(SEGMENTS_PER_TIER));
            LuceneIndex index = new LuceneIndex(directory, new IndexWriter(directory, config));
            if (index.layout() < LAYOUT && index.watermark() > 0) index.rebuildFromScratch();
            return index;
        } catch (IOException e) {
            throw new StoreException("Cannot open the search index in " + dir
                    + " (it may be damaged; delete the index folder and reopen the case to rebuild it)", e);
        }
    }

    /**
     * Opens an existing index for reading only, as of its last commit: no writer, no write lock, nothing written to
     * the folder (a case on read-only media). Every method that would change the index fails.
     */
    public static LuceneIndex openReadOnly(Path dir) {
        try {
            Directory directory = FSDirectory.open(dir);
            try {
                return new LuceneIndex(directory);
            } catch (IOException | RuntimeException e) {
                directory.close();
                throw e;
            }
        } catch (IOException e) {
            throw new StoreException("Cannot open the search index in " + dir + " for reading", e);
        }
    }

    /** Whether this index was opened by {@link #openReadOnly}. */
    public boolean readOnly() {
        return writer == null;
    }

    /**
     * Whether the index holds documents in an older layout than this build writes; opened for writing, such an index
     * is emptied and the case indexes every row again.
     */
    public boolean outdatedLayout() {
        return layout() < LAYOUT && watermark() > 0;
    }

    /** Highest ingest sequence of the last commit; 0 for an empty index. */
    public long watermark() {
        String w = commitData(WATERMARK_KEY);
        return w == null ? 0 : Long.parseLong(w);
    }

    private int layout() {
        String l = commitData(LAYOUT_KEY);
        return l == null ? 1 : Integer.parseInt(l);
    }

    private String commitData(String key) {
        if (writer == null) {
            return lookup(s -> ((org.apache.lucene.index.DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData().get(key));
        }
        for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
            if (key.equals(e.getKey())) return e.getValue();
        }
        return null;
    }

    /** The writer, or a failure saying the index is open for reading only. */
    private IndexWriter writer() {
        if (writer == null) throw new StoreException("The search index is open for reading only", null);
        return writer;
    }

    /** Drops every document and commits watermark 0: opening the case then indexes all rows again. */
    private void rebuildFromScratch() throws IOException {
        writer().deleteAll();
        commit(0);
    }

    /** @param alsoEvidence further evidence files of some of the events (by id), usually empty */
    public void add(List<Event> events, long[] ingestSeqs, Map<String, List<String>> alsoEvidence) {
        try {
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                writer().addDocument(EventDocuments.of(e, ingestSeqs[i], alsoEvidence.getOrDefault(e.eventId(), List.of())));
            }
            stale = true;
        } catch (IOException e) {
            throw new StoreException("Cannot add events to the search index", e);
        }
    }

    /** Indexes an event again (or for the first time): replaces any document with its id. */
    public void update(Event event, long ingestSeq, List<String> alsoEvidence) {
        try {
            writer().updateDocument(EventDocuments.idTerm(event.eventId()), EventDocuments.of(event, ingestSeq, alsoEvidence));
            stale = true;
        } catch (IOException e) {
            throw new StoreException("Cannot reindex event " + event.eventId(), e);
        }
    }

    /** Removes documents whose ingest sequence is above {@code seq}: rows the database does not have. */
    public void deleteAbove(long seq) {
        try {
            writer().deleteDocuments(NumericDocValuesField.newSlowRangeQuery(SearchFields.SEQ, seq + 1, Long.MAX_VALUE));
            stale = true;
        } catch (IOException e) {
            throw new StoreException("Cannot remove orphan documents from the search index", e);
        }
    }

    /** Commits everything added so far, recording {@code watermark} as the highest ingest sequence it holds. */
    public void commit(long watermark) {
        try {
            IndexWriter w = writer();
            w.setLiveCommitData(Map.of(WATERMARK_KEY, Long.toString(watermark), LAYOUT_KEY, Integer.toString(LAYOUT)).entrySet());
            w.commit();
            refresh();
        } catch (IOException e) {
            throw new StoreException("Cannot commit the search index", e);
        }
    }

    /**
     * Makes everything added so far visible to the key lookups below ({@link #seqsWith}, {@link #seqsWithDedupKeys});
     * commits do it too. Searches see new documents without it.
     */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new StoreException("Cannot refresh the search index", e);
        }
    }

    /**
     * Ingest sequences of the documents whose keyword {@code field} (id, span, parent, kind, ...) has one of these
     * values, matched like queries match them (ignoring case; values over 8,000 chars by their start), as of the last
     * refresh. Callers compare the rows' full values.
     */
    @Override
    public long[] seqsWith(String field, Collection<String> values) {
        return seqsWithTerms(field, keywordTerms(field, values));
    }

    /** The terms keyword {@code field} indexes these values as (empty values have none). */
    private static List<BytesRef> keywordTerms(String field, Collection<String> values) {
        if (!SearchFields.isKeyword(field)) throw new IllegalArgumentException(field + " is not a keyword field");
        List<BytesRef> terms = new ArrayList<>(values.size());
        for (String v : values) if (v != null && !v.isEmpty()) terms.add(new BytesRef(EventDocuments.keywordTerm(v)));
        return terms;
    }

    /** Whether any document (live or deleted) has a term in keyword {@code field}, as of the last refresh. */
    @Override
    public boolean anyWith(String field) {
        return lookup(s -> {
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                Terms t = leaf.reader().terms(field);
                if (t != null && t.size() != 0) return true;
            }
            return false;
        });
    }

    /** Ingest sequences of the documents carrying one of these dedup keys, as of the last refresh. */
    public long[] seqsWithDedupKeys(Collection<String> keys) {
        List<BytesRef> terms = new ArrayList<>(keys.size());
        for (String k : keys) if (k != null) terms.add(DedupTerms.of(k));
        return seqsWithTerms(SearchFields.DEDUP, terms);
    }

    /** The 64 bits an in-memory filter holds a dedup key by, as {@link #forEachKey} gives them. */
    public static long dedupFilterKey(String dedupKey) {
        return DedupTerms.filterKey(DedupTerms.of(dedupKey));
    }

    /** The key an id is looked up by: ids match ignoring case, like the {@code id:} query field. */
    public static String idKey(String id) {
        return EventDocuments.keywordTerm(id);
    }

    @Override
    public String keyOf(String value) {
        return EventDocuments.keywordTerm(value);
    }

    /** Rows by keyword with their term and session from the index, as of the last refresh. */
    @Override
    public List<KeywordRow> rowsWith(String field, Collection<String> values) {
        List<BytesRef> terms = keywordTerms(field, values);
        if (terms.isEmpty()) return List.of();
        terms.sort(null);
        Set<BytesRef> wanted = new HashSet<>(terms);
        return lookup(s -> {
            List<KeywordRow> rows = new ArrayList<>();
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) addRows(leaf, hits(leaf, field, terms, wanted, true), rows);
            return rows;
        });
    }

    /** Walks {@code termField}'s whole term dictionary per segment, keeping the terms of the rows {@code field:value} selects. */
    @Override
    public List<KeywordRow> termsOfRowsWith(String field, String value, String termField) {
        if (!SearchFields.isKeyword(field) || !SearchFields.isKeyword(termField)) {
            throw new IllegalArgumentException(field + " and " + termField + " must be keyword fields");
        }
        BytesRef selector = new BytesRef(EventDocuments.keywordTerm(value));
        return lookup(s -> {
            List<KeywordRow> rows = new ArrayList<>();
            PostingsEnum postings = null;
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                Terms selectorTerms = leaf.reader().terms(field);
                Terms wanted = leaf.reader().terms(termField);
                if (selectorTerms == null || wanted == null) continue;
                TermsEnum se = selectorTerms.iterator();
                if (!se.seekExact(selector)) continue;
                org.apache.lucene.util.FixedBitSet selected = new org.apache.lucene.util.FixedBitSet(leaf.reader().maxDoc());
                selected.or(se.postings(null, PostingsEnum.NONE));
                Bits live = leaf.reader().getLiveDocs();
                Bits accept = live == null ? selected : new Bits() {
                    @Override public boolean get(int doc) { return selected.get(doc) && live.get(doc); }
                    @Override public int length() { return selected.length(); }
                };
                List<TermHit> hits = new ArrayList<>();
                TermsEnum te = wanted.iterator();
                for (BytesRef term = te.next(); term != null; term = te.next()) postings = addHits(te, postings, accept, hits, true);
                hits.sort(java.util.Comparator.comparingInt(TermHit::doc));
                addRows(leaf, hits, rows);
            }
            return rows;
        });
    }

    private record TermHit(int doc, String term) {}

    /**
     * The live documents of the wanted terms (sorted) in one segment, in doc order, each with its term when asked
     * for. Many terms against a small dictionary walk it once instead of seeking each (a session list asks for every
     * tool span of the case, about as many as a segment holds); few are sought.
     */
    private static List<TermHit> hits(LeafReaderContext leaf, String field, List<BytesRef> sorted, Set<BytesRef> wanted,
                                      boolean withTerms) throws IOException {
        Terms t = leaf.reader().terms(field);
        if (t == null) return List.of();
        TermsEnum te = t.iterator();
        Bits live = leaf.reader().getLiveDocs();
        List<TermHit> hits = new ArrayList<>();
        PostingsEnum postings = null;
        if (t.size() >= 0 && (long) sorted.size() * 8 > t.size()) {
            for (BytesRef term = te.next(); term != null; term = te.next()) {
                if (wanted.contains(term)) postings = addHits(te, postings, live, hits, withTerms);
            }
        } else {
            for (BytesRef term : sorted) {
                if (te.seekExact(term)) postings = addHits(te, postings, live, hits, withTerms);
            }
        }
        hits.sort(java.util.Comparator.comparingInt(TermHit::doc));
        return hits;
    }

    /**
     * The documents of the term the enum is at that {@code accept} keeps (null: all), with the term when asked for
     * (made only once a document is kept: most terms of a walked dictionary keep none); returns the postings enum
     * for reuse.
     */
    private static PostingsEnum addHits(TermsEnum te, PostingsEnum reuse, Bits accept, List<TermHit> hits, boolean withTerm) throws IOException {
        PostingsEnum postings = te.postings(reuse, PostingsEnum.NONE);
        String text = null;
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            if (accept != null && !accept.get(doc)) continue;
            if (withTerm && text == null) text = te.term().utf8ToString();
            hits.add(new TermHit(doc, text));
        }
        return postings;
    }

    /** Adds a segment's hits, in doc order (doc values only move forward), with their ingest sequence and session. */
    private static void addRows(LeafReaderContext leaf, List<TermHit> hits, List<KeywordRow> rows) throws IOException {
        if (hits.isEmpty()) return;
        NumericDocValues seq = DocValues.getNumeric(leaf.reader(), SearchFields.SEQ);
        org.apache.lucene.index.SortedSetDocValues session = DocValues.getSortedSet(leaf.reader(), SearchFields.SESSION);
        int doc = -1;
        long seqValue = -1;
        String sessionKey = null;
        for (TermHit h : hits) {
            if (h.doc() != doc) { // a doc comes once per term it has; doc values are read once
                doc = h.doc();
                seqValue = seq.advanceExact(doc) ? seq.longValue() : -1;
                sessionKey = session.advanceExact(doc) ? session.lookupOrd(session.nextOrd()).utf8ToString() : null;
            }
            if (seqValue >= 0) rows.add(new KeywordRow(seqValue, h.term(), sessionKey));
        }
    }

    /**
     * Every indexed id key and dedup key ({@link #dedupFilterKey} of it), for an importer's in-memory filter; keys of
     * deleted documents may come too. Reads the view of the last refresh.
     */
    public void forEachKey(Consumer<String> idKeys, java.util.function.LongConsumer dedupKeys) {
        lookup(s -> {
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                forEachTerm(leaf.reader().terms(SearchFields.ID), t -> idKeys.accept(t.utf8ToString()));
                forEachTerm(leaf.reader().terms(SearchFields.DEDUP), t -> dedupKeys.accept(DedupTerms.filterKey(t)));
            }
            return null;
        });
    }

    @FunctionalInterface
    private interface LookupWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    /** Runs work on the searcher of the last refresh (no refresh of its own, unlike {@link #acquire}). */
    private <T> T lookup(LookupWork<T> work) {
        IndexSearcher s;
        try {
            s = searchers.acquire();
        } catch (IOException e) {
            throw new StoreException("Cannot open the search index for reading", e);
        }
        try {
            return work.run(s);
        } catch (IOException e) {
            throw new StoreException("Cannot read the search index", e);
        } finally {
            release(s);
        }
    }

    private static void forEachTerm(Terms terms, Consumer<BytesRef> action) throws IOException {
        if (terms == null) return;
        TermsEnum te = terms.iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) action.accept(t);
    }

    private long[] seqsWithTerms(String field, List<BytesRef> terms) {
        if (terms.isEmpty()) return new long[0];
        terms.sort(null); // sorted seeks reuse the term dictionary blocks already read
        Set<BytesRef> wanted = new HashSet<>(terms);
        return lookup(s -> {
            java.util.stream.LongStream.Builder seqs = java.util.stream.LongStream.builder();
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                List<TermHit> hits = hits(leaf, field, terms, wanted, false);
                if (hits.isEmpty()) continue;
                NumericDocValues seq = DocValues.getNumeric(leaf.reader(), SearchFields.SEQ);
                int last = -1;
                for (TermHit h : hits) {
                    if (h.doc() != last && seq.advanceExact(h.doc())) seqs.add(seq.longValue());
                    last = h.doc();
                }
            }
            return seqs.build().toArray();
        });
    }

    /** A searcher that sees everything added so far; release it with {@link #release}. */
    public IndexSearcher acquire() {
        try {
            if (stale) {
                stale = false;
                searchers.maybeRefreshBlocking();
            }
            return searchers.acquire();
        } catch (IOException e) {
            throw new StoreException("Cannot open the search index for reading", e);
        }
    }

    public void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new StoreException("Cannot release an index searcher", e);
        }
    }

    /** Number of documents, for consistency checks. */
    public int numDocs() {
        IndexSearcher s = acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            release(s);
        }
    }

    /** The ingest sequence of every live document, for consistency checks. */
    public void forEachSeq(java.util.function.LongConsumer action) {
        IndexSearcher s = acquire();
        try {
            for (var leaf : s.getIndexReader().leaves()) {
                var live = leaf.reader().getLiveDocs();
                var seqs = org.apache.lucene.index.DocValues.getNumeric(leaf.reader(), SearchFields.SEQ);
                for (int doc = seqs.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = seqs.nextDoc()) {
                    if (live == null || live.get(doc)) action.accept(seqs.longValue());
                }
            }
        } catch (IOException e) {
            throw new StoreException("Cannot read the search index", e);
        } finally {
            release(s);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            if (writer != null) writer.rollback(); // drops uncommitted work: callers commit explicitly with a watermark
            directory.close();
        } catch (IOException e) {
            throw new StoreException("Cannot close the search index", e);
        }
    }

}
