package dev.tracehound.app.ui.screenshots;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;

/** Runs code on the FX thread from a driver thread and waits: for screenshots and UI tests. */
public final class FxThread {
    private FxThread() {}

    public static <T> T call(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("UI step failed: " + e.getMessage(), e);
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Waits until {@code condition} (checked on the FX thread) holds for two checks in a row. */
    public static void waitUntil(BooleanSupplier condition, long timeoutMillis) {
        long end = System.currentTimeMillis() + timeoutMillis;
        int ok = 0;
        while (System.currentTimeMillis() < end) {
            if (call(condition::getAsBoolean)) {
                if (++ok >= 2) return;
            } else {
                ok = 0;
            }
            try {
                Thread.sleep(80);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("timed out after " + timeoutMillis + " ms waiting for the UI");
    }
}
