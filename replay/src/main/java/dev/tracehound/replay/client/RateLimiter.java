package dev.tracehound.replay.client;

/**
 * Spaces request starts evenly so at most {@code requestsPerMinute} begin in any minute. Shared by all trials of
 * a profile; each caller reserves the next free slot and sleeps until it.
 */
public final class RateLimiter {
    private final long intervalNanos;
    private long nextFree;

    public RateLimiter(int requestsPerMinute) {
        this.intervalNanos = requestsPerMinute <= 0 ? 0 : 60_000_000_000L / requestsPerMinute;
        this.nextFree = System.nanoTime();
    }

    public void acquire() throws InterruptedException {
        if (intervalNanos == 0) return;
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextFree);
            nextFree = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) java.util.concurrent.TimeUnit.NANOSECONDS.sleep(wait);
    }
}
