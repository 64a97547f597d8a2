package dev.tracehound.timeline.search;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The case's Lucene index: one writer, near-real-time searchers, and commits that record the highest ingest
 * sequence they contain (the watermark), so after a crash the case knows which database rows to index again.
 * The only class that opens Lucene files; a search cluster could take its place.
 */
public final class LuceneIndex implements AutoCloseable {
    static final String WATERMARK_KEY = "tracehound.ingestSeq";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile boolean stale;

    private LuceneIndex(Directory directory, IndexWriter writer) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
    }

    public static LuceneIndex open(Path dir, double ramBufferMb) {
        try {
            Directory directory = FSDirectory.open(dir);
            IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            config.setRAMBufferSizeMB(ramBufferMb);
            config.setCommitOnClose(false); // only explicit commits carry a watermark
            return new LuceneIndex(directory, new IndexWriter(directory, config));
        } catch (IOException e) {
            throw new StoreException("Cannot open the search index in " + dir
                    + " (it may be damaged; delete the index folder and reopen the case to rebuild it)", e);
        }
    }

    /** Highest ingest sequence of the last commit; 0 for an empty index. */
    public long watermark() {
        for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
            if (WATERMARK_KEY.equals(e.getKey())) return Long.parseLong(e.getValue());
        }
        return 0;
    }

    /** @param alsoEvidence further evidence files of some of the events (by id), usually empty */
    public void add(List<Event> events, long[] ingestSeqs, Map<String, List<String>> alsoEvidence) {
        try {
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                writer.addDocument(EventDocuments.of(e, ingestSeqs[i], alsoEvidence.getOrDefault(e.eventId(), List.of())));
            }
            stale = true;
        } catch (IOException e) {
            throw new StoreException("Cannot add events to the search index", e);
        }
    }

    /** Indexes an event again (or for the first time): replaces any document with its id. */
    public void update(Event event, long ingestSeq, List<String> alsoEvidence) {
        try {
            writer.updateDocument(EventDocuments.idTerm(event.eventId()), EventDocuments.of(event, ingestSeq, alsoEvidence));
            stale = true;
        } catch (IOException e) {
            throw new StoreException("Cannot reindex event " + event.eventId(), e);
        }
    }

    /** Removes documents whose ingest sequence is above {@code seq}: rows the database does not have. */
    public void deleteAbove(long seq) {
        try {
            writer.deleteDocuments(NumericDocValuesField.newSlowRangeQuery(SearchFields.SEQ, seq + 1, Long.MAX_VALUE));
            stale = true;
        } catch (IOException e) {
            throw new StoreException("Cannot remove orphan documents from the search index", e);
        }
    }

    /** Commits everything added so far, recording {@code watermark} as the highest ingest sequence it holds. */
    public void commit(long watermark) {
        try {
            writer.setLiveCommitData(Map.of(WATERMARK_KEY, Long.toString(watermark)).entrySet());
            writer.commit();
        } catch (IOException e) {
            throw new StoreException("Cannot commit the search index", e);
        }
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

    /** Every indexed event id (live documents only), for consistency checks. */
    public void forEachId(java.util.function.Consumer<String> action) {
        IndexSearcher s = acquire();
        try {
            for (var leaf : s.getIndexReader().leaves()) {
                var live = leaf.reader().getLiveDocs();
                var ids = org.apache.lucene.index.DocValues.getSorted(leaf.reader(), SearchFields.ID);
                for (int doc = ids.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
                    if (live == null || live.get(doc)) action.accept(ids.lookupOrd(ids.ordValue()).utf8ToString());
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
            writer.rollback(); // drops uncommitted work: callers commit explicitly with a watermark
            directory.close();
        } catch (IOException e) {
            throw new StoreException("Cannot close the search index", e);
        }
    }

}
