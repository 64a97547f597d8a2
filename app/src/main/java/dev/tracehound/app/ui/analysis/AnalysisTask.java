package dev.tracehound.app.ui.analysis;

import dev.tracehound.timeline.audit.Actors;
import dev.tracehound.timeline.detect.AnalysisResult;
import dev.tracehound.timeline.detect.Analyzer;
import dev.tracehound.timeline.store.Case;
import javafx.concurrent.Task;

/** Runs every detector over a case with progress per session; cancelling stops between sessions, keeping findings so far. */
public final class AnalysisTask extends Task<AnalysisResult> {
    private final Case target;

    public AnalysisTask(Case target) {
        this.target = target;
        updateTitle("Running detectors");
    }

    @Override
    protected AnalysisResult call() {
        return analyse(target, (done, total) -> {
            updateProgress(done, total);
            updateMessage("Detectors: session " + done + " of " + total);
        }, this::isCancelled);
    }

    /** Shared with the sample preparation, which analyses as one of its steps. */
    public static AnalysisResult analyse(Case target, java.util.function.BiConsumer<Integer, Integer> progress, java.util.function.BooleanSupplier cancelled) {
        return Analyzer.withAllDetectors().run(target, Actors.current(), (done, total, session) -> progress.accept(done, total), cancelled);
    }
}
