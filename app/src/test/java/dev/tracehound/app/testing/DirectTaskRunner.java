package dev.tracehound.app.testing;

import dev.tracehound.app.ui.tasks.TaskRunner;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs view-model work at once on the calling thread, so view models can be tested without a screen. */
public final class DirectTaskRunner implements TaskRunner {
    public int runs;

    @Override
    public <T> void run(String title, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onError) {
        runs++;
        T value;
        try {
            value = work.call();
        } catch (Exception e) {
            onError.accept(e);
            return;
        }
        onSuccess.accept(value);
    }
}
