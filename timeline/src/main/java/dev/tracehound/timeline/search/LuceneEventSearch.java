package dev.tracehound.timeline.search;

import dev.tracehound.timeline.store.StoreException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;

/** Search over the Lucene index: Lucene finds and orders events by ingest sequence, the case database returns the rows. */
public final class LuceneEventSearch implements EventSearch {
    private static final Sort BY_TIME = new Sort(new SortField(SearchFields.TS, SortField.Type.LONG), new SortField(SearchFields.SEQ, SortField.Type.LONG));
    private static final Sort BY_SCORE = new Sort(SortField.FIELD_SCORE, new SortField(SearchFields.SEQ, SortField.Type.LONG));

    /** Matches counted exactly before a page reports its total as a lower bound. */
    static final int EXACT_TOTAL_UP_TO = 1000;

    private final LuceneIndex index;
    private final RowsBySeq rows;

    public LuceneEventSearch(LuceneIndex index, RowsBySeq rows) {
        this.index = index;
        this.rows = rows;
    }

    @Override
    public SearchPage search(SearchRequest request) {
        Query query = EventQueryParser.parse(request.query());
        Sort sort = request.sort() == SearchSort.TIME ? BY_TIME : BY_SCORE;
        FieldDoc after = request.cursor() == null ? null : SearchCursor.decode(request.sort(), request.cursor());
        IndexSearcher searcher = index.acquire();
        try {
            // one more than asked: tells whether a next page exists
            int want = request.limit() + 1;
            // counting stops after EXACT_TOTAL_UP_TO matches, which lets the collector skip documents that cannot
            // enter the page (by time: whole segments, through the ts points) instead of visiting every match
            TopFieldDocs top = searcher.search(query, new TopFieldCollectorManager(sort, want, after, EXACT_TOTAL_UP_TO));
            long total = top.totalHits.value();
            boolean exact = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
            if (!exact && countsCheaply(query)) {
                total = searcher.count(query); // from index statistics: term and match-all totals stay exact
                exact = true;
            }
            ScoreDoc[] hits = top.scoreDocs;
            int n = Math.min(hits.length, request.limit());
            long[] seqs = seqsOf(searcher, hits, n);
            String next = hits.length > request.limit() ? SearchCursor.encode(request.sort(), (FieldDoc) hits[n - 1]) : null;
            return new SearchPage(rows.rows(seqs), total, next, exact);
        } catch (IOException e) {
            throw new StoreException("Search failed for '" + request.query() + "'", e);
        } finally {
            index.release(searcher);
        }
    }

    @Override
    public String cursorAt(SearchRequest request, long position) {
        if (position <= 0) return null;
        Query query = EventQueryParser.parse(request.query());
        IndexSearcher searcher = index.acquire();
        try {
            long total = searcher.count(query);
            if (total == 0) return null;
            // the cursor of a page starting at `position` is the sort values of the hit just before it;
            // past the end, the last hit's, so the page is empty
            long rank = Math.min(position, total) - 1;
            FieldDoc hit = request.sort() == SearchSort.TIME
                    ? PositionSeek.timeHitAt(searcher, query, rank, total)
                    : PositionSeek.scoreHitAt(searcher, query, BY_SCORE, rank);
            return SearchCursor.encode(request.sort(), hit);
        } catch (IOException e) {
            throw new StoreException("Seeking to hit " + position + " failed for '" + request.query() + "'", e);
        } finally {
            index.release(searcher);
        }
    }

    private static boolean countsCheaply(Query q) {
        return q instanceof TermQuery || q instanceof MatchAllDocsQuery;
    }

    /**
     * Ingest sequences of the first {@code n} hits, in hit order, from the {@code seq} doc values. Hits are read in doc
     * order with one doc-values reader per segment: doc values only move forward.
     */
    static long[] seqsOf(IndexSearcher searcher, ScoreDoc[] hits, int n) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Integer[] byDoc = new Integer[n];
        for (int i = 0; i < n; i++) byDoc[i] = i;
        java.util.Arrays.sort(byDoc, java.util.Comparator.comparingInt(i -> hits[i].doc));
        long[] seqs = new long[n];
        LeafReaderContext leaf = null;
        NumericDocValues dv = null;
        for (int i : byDoc) {
            int doc = hits[i].doc;
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                dv = DocValues.getNumeric(leaf.reader(), SearchFields.SEQ);
            }
            seqs[i] = dv.advanceExact(doc - leaf.docBase) ? dv.longValue() : -1;
        }
        return seqs;
    }

    @Override
    public long count(String query) {
        Query q = EventQueryParser.parse(query == null || query.isBlank() ? "*:*" : query);
        IndexSearcher searcher = index.acquire();
        try {
            return searcher.count(q);
        } catch (IOException e) {
            throw new StoreException("Count failed for '" + query + "'", e);
        } finally {
            index.release(searcher);
        }
    }

    @Override
    public Map<String, Long> facet(String query, String field, int max) {
        if (!SearchFields.FACETED.contains(field)) {
            throw new IllegalArgumentException("Cannot count values of '" + field + "'; use one of " + SearchFields.FACETED);
        }
        Query q = EventQueryParser.parse(query == null || query.isBlank() ? "*:*" : query);
        IndexSearcher searcher = index.acquire();
        try {
            Map<String, Long> counts = searcher.search(q, new FacetManager(field));
            List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
            sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            Map<String, Long> top = new LinkedHashMap<>();
            for (Map.Entry<String, Long> e : sorted) {
                if (top.size() >= max) break;
                top.put(e.getKey(), e.getValue());
            }
            return top;
        } catch (IOException e) {
            throw new StoreException("Facet count failed for '" + query + "'", e);
        } finally {
            index.release(searcher);
        }
    }

    @Override
    public List<String> fieldNames() {
        return SearchFields.queryable();
    }

    /** Counts the values of one doc-values field among the hits. */
    private record FacetManager(String field) implements CollectorManager<FacetCollector, Map<String, Long>> {
        @Override
        public FacetCollector newCollector() {
            return new FacetCollector(field);
        }

        @Override
        public Map<String, Long> reduce(Collection<FacetCollector> collectors) {
            Map<String, Long> all = new HashMap<>();
            for (FacetCollector c : collectors) {
                c.finishLeaf();
                c.counts.forEach((k, v) -> all.merge(k, v, Long::sum));
            }
            return all;
        }
    }

    private static final class FacetCollector extends SimpleCollector {
        private final String field;
        final Map<String, Long> counts = new HashMap<>();
        private SortedSetDocValues values;
        /** Counts by ordinal of the current segment; an array, since facet fields have few distinct values per segment. */
        private long[] leafCounts = new long[0];

        FacetCollector(String field) {
            this.field = field;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            finishLeaf();
            values = DocValues.getSortedSet(context.reader(), field);
            leafCounts = new long[(int) Math.min(Integer.MAX_VALUE - 8, values.getValueCount())];
        }

        void finishLeaf() {
            if (values == null) return;
            try {
                for (int ord = 0; ord < leafCounts.length; ord++) {
                    if (leafCounts[ord] > 0) counts.merge(values.lookupOrd(ord).utf8ToString(), leafCounts[ord], Long::sum);
                }
            } catch (IOException e) {
                throw new StoreException("Facet count failed", e);
            }
            values = null;
        }

        @Override
        public void collect(int doc) throws IOException {
            if (values.advanceExact(doc)) {
                for (int i = 0; i < values.docValueCount(); i++) leafCounts[(int) values.nextOrd()]++;
            }
        }

        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

}
