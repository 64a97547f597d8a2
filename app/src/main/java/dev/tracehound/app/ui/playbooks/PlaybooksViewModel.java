package dev.tracehound.app.ui.playbooks;

import dev.tracehound.app.ui.tasks.TaskRunner;
import dev.tracehound.playbooks.catalogue.Catalogue;
import dev.tracehound.playbooks.catalogue.CatalogueEntry;
import dev.tracehound.playbooks.format.Phase;
import dev.tracehound.playbooks.format.Step;
import dev.tracehound.playbooks.run.PlaybookRun;
import dev.tracehound.playbooks.run.PlaybookRuns;
import dev.tracehound.playbooks.run.Tick;
import dev.tracehound.timeline.audit.Actors;
import dev.tracehound.timeline.store.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Playbook runs of the open case: the catalogue to start from, the runs, and the selected run's steps by phase with
 * their state. Ticks, reopenings and automatic checks go through {@link PlaybookRuns}, which stores and audits them.
 */
public final class PlaybooksViewModel {
    private final TaskRunner runner;
    private Case current;
    private PlaybookRuns runs;
    private final ObservableList<CatalogueEntry> catalogue = FXCollections.observableArrayList();
    private final ObservableList<PlaybookRun> runList = FXCollections.observableArrayList();
    private final ObjectProperty<PlaybookRun> selected = new SimpleObjectProperty<>();
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final StringProperty progress = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    public PlaybooksViewModel(TaskRunner runner) {
        this.runner = runner;
        selected.addListener((o, a, run) -> showSteps(run));
    }

    public void open(Case c) {
        current = c;
        runs = new PlaybookRuns(c);
        PlaybookRuns r = runs;
        call("Reading playbooks", () -> new Loaded(Catalogue.load().entries(), r.list()), loaded -> {
            catalogue.setAll(loaded.entries);
            runList.setAll(loaded.runs);
            selected.set(loaded.runs.isEmpty() ? null : loaded.runs.getLast());
        });
    }

    private record Loaded(List<CatalogueEntry> entries, List<PlaybookRun> runs) {}

    public void close() {
        current = null;
        runs = null;
        runList.clear();
        steps.clear();
        selected.set(null);
    }

    public void start(CatalogueEntry entry) {
        PlaybookRuns r = runs;
        if (r == null || entry == null) return;
        call("Starting playbook", () -> r.start(entry, Actors.current()), run -> {
            runList.add(run);
            selected.set(run);
        });
    }

    /** Marks a step done (with the option taken, for a decision). */
    public void tick(String stepId, String choice) {
        update("Ticking step", r -> r.tick(selected.get().id(), new Tick(stepId, null, List.of(), List.of(), List.of(), choice), Actors.current()));
    }

    public void reopen(String stepId) {
        update("Reopening step", r -> r.reopen(selected.get().id(), stepId, null, Actors.current()));
    }

    /** Evaluates the automatic checks (queries, findings) of every step. */
    public void runChecks() {
        update("Running playbook checks", r -> r.check(selected.get().id(), Actors.current()));
    }

    private void update(String title, java.util.function.Function<PlaybookRuns, PlaybookRun> change) {
        PlaybookRuns r = runs;
        if (r == null || selected.get() == null) return;
        call(title, () -> change.apply(r), run -> {
            int i = indexOf(run.id());
            if (i >= 0) runList.set(i, run);
            selected.set(run);
        });
    }

    private <T> void call(String title, Callable<T> work, Consumer<T> then) {
        runner.run(title, work, v -> {
            error.set("");
            then.accept(v);
        }, e -> error.set(e.getMessage()));
    }

    private int indexOf(String id) {
        for (int i = 0; i < runList.size(); i++) if (runList.get(i).id().equals(id)) return i;
        return -1;
    }

    private void showSteps(PlaybookRun run) {
        List<StepRow> rows = new ArrayList<>();
        if (run != null) {
            for (Map.Entry<Phase, List<Step>> phase : run.playbook().phases().entrySet()) {
                rows.add(new StepRow(phase.getKey(), null, null, null));
                for (Step s : phase.getValue()) rows.add(new StepRow(phase.getKey(), s, run.status(s.id()), run.state(s.id())));
            }
            progress.set("Progress: " + run.totalProgress());
        } else {
            progress.set("");
        }
        steps.setAll(rows);
    }

    public ObservableList<CatalogueEntry> catalogue() { return catalogue; }
    public ObservableList<PlaybookRun> runs() { return runList; }
    public ObjectProperty<PlaybookRun> selectedProperty() { return selected; }
    public ObservableList<StepRow> steps() { return steps; }
    public StringProperty progressProperty() { return progress; }
    public StringProperty errorProperty() { return error; }
    public Case currentCase() { return current; }
}
