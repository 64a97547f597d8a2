package dev.tracehound.app.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C for long commands: the shutdown hook runs the given cancel action, then waits (10 s unless told otherwise)
 * until this guard is closed, so work already finished is still written, the case is closed cleanly and what the
 * command prints about it is printed before the JVM exits (with status 130, as for any interrupted command). Open it
 * before the case, so the case closes first; close it after printing.
 */
final class CancelOnInterrupt implements AutoCloseable {
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Runnable cancel = () -> {};
    private final Thread hook;

    CancelOnInterrupt() {
        this(10);
    }

    /** @param waitSeconds how long the hook waits for the command to finish after cancelling it */
    CancelOnInterrupt(int waitSeconds) {
        hook = new Thread(() -> {
            cancel.run();
            try {
                closed.await(waitSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tracehound-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void onInterrupt(Runnable action) {
        this.cancel = action;
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it cancelled the work and now sees the latch released
        }
    }
}
