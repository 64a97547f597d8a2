package dev.tracehound.timeline.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * The ceiling the case store is compared with: the same texts, read with Jackson, indexed by a bare IndexWriter
 * (StandardAnalyzer, one TextField per event, no stored fields, 512 MB buffer, two indexing threads).
 */
public final class BareLucene {
    private BareLucene() {}

    private static final String END = new String("end-of-input");

    /** Texts to index, pushed one by one; lets the baseline read a synthetic file or a real import's texts. */
    @FunctionalInterface
    public interface TextSource {
        void forEach(java.util.function.Consumer<String> sink) throws IOException;
    }

    /** Indexes the synthetic JSONL's texts and commits; returns the wall time in seconds. */
    static double index(Path jsonl, Path indexDir, ProgressListener progress, int total) throws IOException {
        long[] n = {0};
        return index(sink -> {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(jsonl), 1 << 16)) {
                SyntheticJsonl.read(in, r -> {
                    sink.accept(r.text());
                    if (++n[0] % 50_000 == 0) progress.progress("bare lucene", n[0], total);
                });
            }
        }, indexDir);
    }

    /** Largest amount of synthetic text {@link #syntheticRate} times: enough for a steady rate, bounded in time and disk. */
    public static final long SYNTHETIC_RATE_MAX_BYTES = 256_000_000L;

    /**
     * Text indexed, untimed, before the timed run when the file is larger than {@link #SYNTHETIC_RATE_MAX_BYTES}.
     * Bare Lucene over 2 GB spends a small share of its time with code not yet compiled, over 256 MB a large one, so
     * a cold 256 MB run read 25-31 MB/s where the foundation bench's 2.1 GB run read 34-38: without this, a large
     * file's import was compared with a baseline slower than bare Lucene over the same amount of text.
     */
    static final long WARM_UP_BYTES = 64_000_000L;

    /**
     * The foundation benchmark's baseline rate, in MB of text per second: its synthetic event texts (200 B-4 KB
     * each) indexed by bare Lucene with two threads. {@code textBytes} sets how much text, so a file's import is
     * compared with indexing the same amount: as much as the file has (both runs then start as cold as each other),
     * or for a larger file 256 MB after a warm-up, standing in for the longer run. That one is timed
     * {@value #WARM_TIMED_RUNS} times and the median run taken: a single warm 256 MB run read 25.7 in one hour and
     * 32.5 MB/s in the next, which moved a 2 GB import's ratio from 0.62 to 0.50 with the import itself unchanged.
     */
    public static Rate syntheticRate(Path work, long textBytes) throws IOException {
        return syntheticRate(work, textBytes, SYNTHETIC_RATE_MAX_BYTES, WARM_UP_BYTES);
    }

    static Rate syntheticRate(Path work, long textBytes, long maxBytes, long warmUpBytes) throws IOException {
        boolean warmUp = textBytes > maxBytes;
        long bytes = timedBytes(textBytes, maxBytes);
        if (!warmUp) return timedRate(work, bytes);
        timedRate(work.resolve("warm-up"), warmUpBytes);
        java.util.List<Rate> runs = new java.util.ArrayList<>();
        for (int i = 1; i <= WARM_TIMED_RUNS; i++) runs.add(timedRate(work.resolve("timed-" + i), bytes));
        runs.sort(java.util.Comparator.comparingDouble(Rate::mbPerSecond));
        Rate median = runs.get(runs.size() / 2);
        return new Rate(median.mbPerSecond, median.cpuSecondsPerMb, median.textMb, true);
    }

    /** How much text {@link #syntheticRate} times for a file of {@code textBytes}: as much, within 2 MB and 256 MB. */
    public static long timedBytes(long textBytes) {
        return timedBytes(textBytes, SYNTHETIC_RATE_MAX_BYTES);
    }

    private static long timedBytes(long textBytes, long maxBytes) {
        return Math.max(MIN_BYTES, Math.min(maxBytes, textBytes));
    }

    /** Timed runs of a warmed baseline, of which the median is taken. */
    static final int WARM_TIMED_RUNS = 3;

    private static final long MIN_BYTES = 2_000_000L;

    private static Rate timedRate(Path work, long bytes) throws IOException {
        int events = (int) (bytes / 2_100); // the synthetic texts average 2.1 KB
        Files.createDirectories(work);
        Path jsonl = work.resolve("baseline.jsonl");
        SyntheticEvents.Summary summary = SyntheticEvents.write(jsonl, events, Benchmark.SEED, ProgressListener.NONE);
        long cpu0 = ProcessCpu.nanos();
        double seconds = index(jsonl, work.resolve("baseline-index"), ProgressListener.NONE, events);
        double cpuSeconds = (ProcessCpu.nanos() - cpu0) / 1e9;
        double mb = summary.textBytes() / 1e6;
        return new Rate(mb / seconds, cpuSeconds / mb, mb, false);
    }

    /**
     * How fast bare Lucene indexed: MB of text per second of wall time, and seconds of the process's CPU time (every
     * thread: indexing, reading, JIT compilers, collector) per MB; how many MB it timed, and whether an untimed
     * warm-up ran first.
     */
    public record Rate(double mbPerSecond, double cpuSecondsPerMb, double textMb, boolean warmedUp) {}

    /** Indexes every text of the source and commits; returns the wall time in seconds (reading included). */
    public static double index(TextSource texts, Path indexDir) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer()).setRAMBufferSizeMB(512);
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(4096);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        long t0 = System.nanoTime();
        try (FSDirectory dir = FSDirectory.open(indexDir); IndexWriter writer = new IndexWriter(dir, config)) {
            Future<?> a = threads.submit(() -> drain(queue, writer));
            Future<?> b = threads.submit(() -> drain(queue, writer));
            List<Future<?>> drains = List.of(a, b);
            try {
                texts.forEach(t -> handOver(queue, t == null ? "" : t, drains));
            } catch (IndexerStopped e) {
                // an indexing thread failed: its failure is reported below
            } finally {
                try {
                    handOver(queue, END, drains);
                    handOver(queue, END, drains);
                } catch (IndexerStopped e) {
                    // likewise
                }
            }
            a.get();
            b.get();
            writer.commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof OutOfMemoryError) {
                throw new IOException("bare Lucene ran out of memory: its 512 MB indexing buffer needs a heap of about 1 GB"
                        + " (TRACEHOUND_JAVA_OPTS=-Xmx1g)", e.getCause());
            }
            throw new IOException("bare Lucene indexing failed: " + e.getCause(), e.getCause());
        } finally {
            threads.shutdownNow();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static Void drain(BlockingQueue<String> queue, IndexWriter writer) throws Exception {
        for (String text; (text = queue.take()) != END; ) {
            Document d = new Document();
            d.add(new TextField("text", text, Field.Store.NO));
            writer.addDocument(d);
        }
        return null;
    }

    /** Queues a text; gives up once an indexing thread has ended (it failed), instead of waiting for it forever. */
    private static void handOver(BlockingQueue<String> queue, String s, List<Future<?>> drains) {
        try {
            while (!queue.offer(s, 100, TimeUnit.MILLISECONDS)) {
                for (Future<?> d : drains) if (d.isDone()) throw new IndexerStopped();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static final class IndexerStopped extends RuntimeException {
        IndexerStopped() {
            super(null, null, false, false);
        }
    }
}
