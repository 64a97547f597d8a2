package dev.tracehound.app.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C for long commands: the shutdown hook runs the given cancel action, then waits (up to 10 s) until this guard
 * is closed, so work already finished is still written and the case is closed cleanly before the JVM exits. Open it
 * before the case, so the case closes first.
 */
final class CancelOnInterrupt implements AutoCloseable {
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Runnable cancel = () -> {};
    private final Thread hook = new Thread(() -> {
        cancel.run();
        try {
            closed.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }, "tracehound-cancel");

    CancelOnInterrupt() {
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
