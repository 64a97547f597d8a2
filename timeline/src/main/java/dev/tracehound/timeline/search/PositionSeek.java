package dev.tracehound.timeline.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

/**
 * Finds the sort values of the hit at a given rank of a search without collecting the hits before it, so the event
 * table can jump to row 700,000 of a million hits directly.
 *
 * <p>Time order is (ts, seq). The seek keeps a window of timestamps known to hold the wanted hit and the number of
 * hits before the window. Each pass runs the query restricted to the window (the ts points skip everything
 * outside it) and counts its hits in {@value #BUCKETS} buckets; the bucket holding the rank becomes the next window,
 * trimmed to the smallest and largest value seen in it. When the window is a single timestamp shared by many
 * events, the same narrowing continues on the ingest sequence. A window of at most {@value #READ_WHOLE} hits is
 * read whole and sorted. Every pass after the first reads only the window, so a seek costs about one pass over the
 * hits plus a few small ones, and holds no more than the buckets and the final small window in memory. When every
 * event is a hit, the window is first halved by counts of the ts points alone, which visit no hits at all.
 */
final class PositionSeek {
    static final int BUCKETS = 256;
    static final int READ_WHOLE = 4096;
    /** Each pass shrinks the window's key range about 256-fold or to one value; this bound only guards against a broken index. */
    private static final int MAX_PASSES = 200;
    /**
     * Hits per step when walking a relevance order, which has no key to narrow on: each step is a pass over the hits,
     * so deep ranks take bigger steps (about 8 passes up to 800,000), bounded because a step's queue is held whole.
     */
    private static final int SCORE_STEP_MIN = 10_000;
    private static final int SCORE_STEP_MAX = 100_000;

    private PositionSeek() {}

    /**
     * The time-order sort values ({@code [ts, seq]}) of hit {@code rank} (from 0) of {@code query}.
     *
     * @param rank less than {@code total}, the number of hits
     */
    static FieldDoc timeHitAt(IndexSearcher searcher, Query query, long rank, long total) throws IOException {
        Window w = Window.overTimes(searcher);
        long before = 0;
        long inWindow = total;
        if (searcher.rewrite(query) instanceof MatchAllDocsQuery) {
            // every event is a hit (the table's default): the ts points count a window without visiting its hits,
            // so halve it by counts until it is small or a single timestamp
            while (w.byTime() && inWindow > READ_WHOLE) {
                long mid = w.tsLo() + ((w.tsHi() - w.tsLo()) >>> 1);
                long left = searcher.count(LongPoint.newRangeQuery(SearchFields.TS, w.tsLo(), mid));
                if (before + left > rank) {
                    w = Window.times(w.tsLo(), mid);
                    inWindow = left;
                } else {
                    before += left;
                    inWindow -= left;
                    w = Window.times(mid + 1, w.tsHi());
                }
            }
        }
        for (int pass = 0; pass < MAX_PASSES && inWindow > READ_WHOLE && !w.isOneEvent(); pass++) {
            Histogram h = searcher.search(w.restrict(query), new HistogramManager(w));
            int b = 0;
            while (before + h.counts[b] <= rank) before += h.counts[b++];
            inWindow = h.counts[b];
            w = w.narrowTo(h.min[b], h.max[b]);
        }
        long[][] hits = searcher.search(w.restrict(query), new CollectAllManager(w));
        long[] wanted = hits[Math.toIntExact(rank - before)];
        return new FieldDoc(-1, Float.NaN, new Object[] {wanted[0], wanted[1]});
    }

    /**
     * The relevance-order sort values of hit {@code rank}. Scores cannot be narrowed by counting, so this walks the
     * order in steps, keeping only the last hit of each step: the time grows with the rank, memory stays within one step.
     */
    static FieldDoc scoreHitAt(IndexSearcher searcher, Query query, Sort sort, long rank) throws IOException {
        FieldDoc after = null;
        long toPass = rank + 1;
        int stride = (int) Math.max(SCORE_STEP_MIN, Math.min(SCORE_STEP_MAX, toPass / 8));
        while (true) {
            int step = (int) Math.min(stride, toPass);
            TopFieldDocs top = searcher.search(query, new TopFieldCollectorManager(sort, step, after, 1));
            if (top.scoreDocs.length == 0) return after;
            after = (FieldDoc) top.scoreDocs[top.scoreDocs.length - 1];
            toPass -= top.scoreDocs.length;
            if (toPass == 0 || top.scoreDocs.length < step) return after;
        }
    }

    /**
     * Timestamps {@code [tsLo, tsHi]}; once they are a single timestamp, also ingest sequences {@code [seqLo, seqHi]}.
     * The key a pass buckets on is the timestamp while the window spans several, else the sequence.
     */
    private record Window(long tsLo, long tsHi, long seqLo, long seqHi) {
        static Window overTimes(IndexSearcher searcher) throws IOException {
            byte[] min = PointValues.getMinPackedValue(searcher.getIndexReader(), SearchFields.TS);
            byte[] max = PointValues.getMaxPackedValue(searcher.getIndexReader(), SearchFields.TS);
            long lo = min == null ? Long.MIN_VALUE : LongPoint.decodeDimension(min, 0);
            long hi = max == null ? Long.MAX_VALUE : LongPoint.decodeDimension(max, 0);
            return times(lo, hi);
        }

        static Window times(long lo, long hi) {
            return new Window(lo, hi, Long.MIN_VALUE, Long.MAX_VALUE);
        }

        boolean byTime() {
            return tsLo != tsHi;
        }

        boolean isOneEvent() {
            return !byTime() && seqLo == seqHi;
        }

        long keyLo() {
            return byTime() ? tsLo : seqLo;
        }

        long keyHi() {
            return byTime() ? tsHi : seqHi;
        }

        /** The key range split into BUCKETS equal parts; unsigned arithmetic, so a range wider than Long.MAX_VALUE works. */
        long bucketWidth() {
            return Long.divideUnsigned(keyHi() - keyLo(), BUCKETS) + 1;
        }

        Window narrowTo(long keyMin, long keyMax) {
            if (byTime()) return new Window(keyMin, keyMax, keyMin == keyMax ? Long.MIN_VALUE : seqLo, keyMin == keyMax ? Long.MAX_VALUE : seqHi);
            return new Window(tsLo, tsHi, keyMin, keyMax);
        }

        /** The query restricted to the timestamps; points make this skip whole blocks outside them. */
        Query restrict(Query query) {
            return new BooleanQuery.Builder()
                    .add(query, BooleanClause.Occur.FILTER)
                    .add(LongPoint.newRangeQuery(SearchFields.TS, tsLo, tsHi), BooleanClause.Occur.FILTER)
                    .build();
        }

        boolean containsSeq(long seq) {
            return seq >= seqLo && seq <= seqHi;
        }
    }

    /** Hits per bucket of the window's key, with the smallest and largest key seen in each bucket. */
    private static final class Histogram {
        final long[] counts = new long[BUCKETS];
        final long[] min = new long[BUCKETS];
        final long[] max = new long[BUCKETS];

        Histogram() {
            Arrays.fill(min, Long.MAX_VALUE);
            Arrays.fill(max, Long.MIN_VALUE);
        }

        void add(int b, long key) {
            counts[b]++;
            if (key < min[b]) min[b] = key;
            if (key > max[b]) max[b] = key;
        }

        void addAll(Histogram o) {
            for (int b = 0; b < BUCKETS; b++) {
                counts[b] += o.counts[b];
                min[b] = Math.min(min[b], o.min[b]);
                max[b] = Math.max(max[b], o.max[b]);
            }
        }
    }

    /**
     * Calls {@code hit(ts, seq)} for each hit of the window (the sequence bound is checked here: seq has no points).
     * Without {@code readsSeq}, seq is passed as 0 and not read: the first, widest pass needs only timestamps.
     */
    private abstract static class WindowCollector extends SimpleCollector {
        final Window window;
        private final boolean readsSeq;
        private NumericDocValues ts;
        private NumericDocValues seq;

        WindowCollector(Window window, boolean readsSeq) {
            this.window = window;
            this.readsSeq = readsSeq;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            ts = DocValues.getNumeric(context.reader(), SearchFields.TS);
            seq = DocValues.getNumeric(context.reader(), SearchFields.SEQ);
        }

        @Override
        public void collect(int doc) throws IOException {
            if (!ts.advanceExact(doc)) return;
            long s = 0;
            if (readsSeq) {
                if (!seq.advanceExact(doc)) return;
                s = seq.longValue();
                if (!window.containsSeq(s)) return;
            }
            hit(ts.longValue(), s);
        }

        abstract void hit(long ts, long seq);

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    private record HistogramManager(Window window) implements CollectorManager<HistogramCollector, Histogram> {
        @Override
        public HistogramCollector newCollector() {
            return new HistogramCollector(window);
        }

        @Override
        public Histogram reduce(Collection<HistogramCollector> collectors) {
            Histogram all = new Histogram();
            for (HistogramCollector c : collectors) all.addAll(c.histogram);
            return all;
        }
    }

    private static final class HistogramCollector extends WindowCollector {
        final Histogram histogram = new Histogram();
        private final long keyLo = window.keyLo();
        private final long width = window.bucketWidth();
        private final boolean byTime = window.byTime();

        HistogramCollector(Window window) {
            super(window, !window.byTime());
        }

        @Override
        void hit(long ts, long seq) {
            long key = byTime ? ts : seq;
            histogram.add((int) Long.divideUnsigned(key - keyLo, width), key);
        }
    }

    /** Every hit of a small window as {@code [ts, seq]}, in time order. */
    private record CollectAllManager(Window window) implements CollectorManager<CollectAllCollector, long[][]> {
        @Override
        public CollectAllCollector newCollector() {
            return new CollectAllCollector(window);
        }

        @Override
        public long[][] reduce(Collection<CollectAllCollector> collectors) {
            long[][] all = collectors.stream().flatMap(c -> c.hits.stream()).toArray(long[][]::new);
            Arrays.sort(all, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
            return all;
        }
    }

    private static final class CollectAllCollector extends WindowCollector {
        final java.util.List<long[]> hits = new java.util.ArrayList<>();

        CollectAllCollector(Window window) {
            super(window, true);
        }

        @Override
        void hit(long ts, long seq) {
            hits.add(new long[] {ts, seq});
        }
    }
}
