package dev.tracehound.app.ui.tasks;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and hands the result back on it. View models depend on this, not on an executor,
 * so their tests can run the same work synchronously without a screen.
 */
public interface TaskRunner {

    /**
     * Runs {@code work} in the background; {@code onSuccess} or {@code onError} run afterwards on the UI thread.
     *
     * @param title shown in the status bar while the work runs
     */
    <T> void run(String title, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onError);
}
