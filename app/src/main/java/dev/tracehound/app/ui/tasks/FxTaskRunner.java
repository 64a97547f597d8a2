package dev.tracehound.app.ui.tasks;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/**
 * Case reads go through one background thread, in order: a page fetch never races a search it belongs to, and
 * the FX thread never waits on the database. Long work (imports, analysis) uses its own tasks with progress.
 */
public final class FxTaskRunner implements TaskRunner {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tracehound-case-io");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyStringWrapper busy = new ReadOnlyStringWrapper("");
    private int running;

    @Override
    public <T> void run(String title, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        running++;
        busy.set(title + "…");
        task.setOnSucceeded(e -> {
            done();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            done();
            onError.accept(task.getException());
        });
        executor.execute(task);
    }

    private void done() {
        if (--running == 0) busy.set("");
    }

    /** The title of the work in progress, empty when idle: for the status bar. */
    public ReadOnlyStringProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public void shutdown() {
        executor.shutdownNow();
    }
}
