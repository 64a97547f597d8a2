package dev.tracehound.app.ui.timeline;

import dev.tracehound.app.ui.search.QueryBuilder;
import dev.tracehound.app.ui.tasks.TaskRunner;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.SessionSummary;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Events over time for the current query: the case's time span cut into equal bins, each counted by a
 * {@code ts} range query (Lucene counts are cheap), so the histogram never reads events themselves.
 */
public final class HistogramViewModel {
    public static final int BINS = 60;

    /** Counts per bin over [fromNanos, toNanos]. */
    public record Histogram(long fromNanos, long toNanos, long[] counts) {
        public long binWidth() {
            return Math.max(1, (toNanos - fromNanos + counts.length - 1) / counts.length);
        }

        public long max() {
            long m = 0;
            for (long c : counts) m = Math.max(m, c);
            return m;
        }
    }

    private final TaskRunner runner;
    private final ObjectProperty<Histogram> histogram = new SimpleObjectProperty<>();
    private int generation;

    public HistogramViewModel(TaskRunner runner) {
        this.runner = runner;
    }

    /** Recounts for {@code query} (without a time filter, so the brush shows where the selection sits). */
    public void refresh(Case c, String query) {
        int gen = ++generation;
        if (c == null) {
            histogram.set(null);
            return;
        }
        runner.run("Counting events over time", () -> compute(c, query), h -> {
            if (gen == generation) histogram.set(h);
        }, e -> {});
    }

    static Histogram compute(Case c, String query) {
        long from = Long.MAX_VALUE, to = Long.MIN_VALUE;
        for (SessionSummary s : c.events().sessions()) {
            from = Math.min(from, s.startNanos()); // 0 is a time too: the first inferred one
            to = Math.max(to, s.endNanos());
        }
        if (from == Long.MAX_VALUE || to < from) return null;
        if (to == from) to = from + 1_000_000_000L;
        long width = Math.max(1, (to - from + BINS - 1) / BINS);
        long[] counts = new long[BINS];
        String base = query == null || query.isBlank() ? "*:*" : query;
        for (int i = 0; i < BINS; i++) {
            long a = from + i * width;
            long b = i == BINS - 1 ? to : a + width - 1;
            counts[i] = c.search().count("(" + base + ") AND " + QueryBuilder.timeRange(a, b));
        }
        return new Histogram(from, from + width * BINS, counts);
    }

    public ObjectProperty<Histogram> histogramProperty() {
        return histogram;
    }
}
