package dev.tracehound.replay.run;

import dev.tracehound.replay.client.Exchange;
import dev.tracehound.replay.client.ModelClient;
import dev.tracehound.replay.wire.WireRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * Sends the same request N times, at most {@code concurrency} at once (the client adds rate limit, timeout and
 * retries). {@link #cancel()} stops trials not yet sent and interrupts those in flight; they come back as null.
 */
public final class TrialRunner {
    private final ModelClient client;
    private volatile boolean cancelled;
    private volatile ExecutorService pool;

    public TrialRunner(ModelClient client) {
        this.client = client;
    }

    /** Exchanges by trial index (0-based); null where a trial was cancelled. {@code onDone} sees each as it ends. */
    public List<Exchange> run(WireRequest request, int trials, BiConsumer<Integer, Exchange> onDone) {
        int threads = Math.max(1, Math.min(client.profile().concurrency(), trials));
        ExecutorService p = Executors.newFixedThreadPool(threads, Thread.ofVirtual().name("replay-trial-", 0).factory());
        pool = p;
        try {
            List<Future<Exchange>> futures = new ArrayList<>();
            for (int i = 0; i < trials; i++) {
                int trial = i;
                futures.add(p.submit(() -> {
                    if (cancelled) return null;
                    try {
                        Exchange e = client.send(request);
                        onDone.accept(trial, e);
                        return e;
                    } catch (InterruptedException ie) {
                        return null;
                    }
                }));
            }
            List<Exchange> out = new ArrayList<>();
            for (Future<Exchange> f : futures) {
                try {
                    out.add(f.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancel();
                    out.add(null);
                } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                    if (e instanceof ExecutionException ee && !(ee.getCause() instanceof InterruptedException) && !cancelled)
                        throw new IllegalStateException("trial failed unexpectedly", ee.getCause());
                    out.add(null);
                }
            }
            return out;
        } finally {
            for (Runnable never : p.shutdownNow()) if (never instanceof Future<?> f) f.cancel(false);
        }
    }

    public void cancel() {
        cancelled = true;
        ExecutorService p = pool;
        // Trials never started are handed back by shutdownNow; cancelling their futures lets run() finish.
        if (p != null) for (Runnable never : p.shutdownNow()) if (never instanceof Future<?> f) f.cancel(false);
    }

    public boolean cancelled() {
        return cancelled;
    }
}
