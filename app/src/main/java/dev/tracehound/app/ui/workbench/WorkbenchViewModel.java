package dev.tracehound.app.ui.workbench;

import dev.tracehound.app.ui.annotate.AnnotationIndex;
import dev.tracehound.app.ui.findings.FindingsViewModel;
import dev.tracehound.app.ui.inspector.InspectorViewModel;
import dev.tracehound.app.ui.search.SearchViewModel;
import dev.tracehound.app.ui.sessions.SessionsViewModel;
import dev.tracehound.app.ui.settings.AppState;
import dev.tracehound.app.ui.settings.AppStateStore;
import dev.tracehound.app.ui.tasks.TaskRunner;
import dev.tracehound.app.ui.timeline.HistogramViewModel;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The root view model: which case is open, the recent cases, the theme, and the screens' view models, which it
 * opens and closes with the case. Remembers the last case in the app state.
 */
public final class WorkbenchViewModel {
    private final TaskRunner runner;
    private final AppStateStore stateStore;
    private final AppState state;
    private final ObjectProperty<Case> currentCase = new SimpleObjectProperty<>();
    private final StringProperty title = new SimpleStringProperty("Tracehound");
    private final StringProperty status = new SimpleStringProperty("No case open");
    private final StringProperty theme = new SimpleStringProperty("light");
    private final ObservableList<String> recentCases = FXCollections.observableArrayList();
    private Consumer<String> errorSink = m -> {};
    private AnnotationIndex annotationIndex;
    private final ObjectProperty<javafx.concurrent.Task<?>> longTask = new SimpleObjectProperty<>();

    private final SearchViewModel search;
    private final SessionsViewModel sessions;
    private final InspectorViewModel inspector;
    private final FindingsViewModel findings;
    private final HistogramViewModel histogram;
    private final dev.tracehound.app.ui.timeline.SwimlaneViewModel swimlanes;
    private final dev.tracehound.app.ui.playbooks.PlaybooksViewModel playbooks;
    private final dev.tracehound.app.ui.reporting.ReportViewModel report;
    private final dev.tracehound.app.ui.replay.ReplayViewModel replay;

    public WorkbenchViewModel(TaskRunner runner, AppStateStore stateStore) {
        this.runner = runner;
        this.stateStore = stateStore;
        this.state = stateStore.load();
        this.search = new SearchViewModel(runner);
        this.sessions = new SessionsViewModel(runner);
        this.inspector = new InspectorViewModel(runner);
        this.findings = new FindingsViewModel(runner);
        this.histogram = new HistogramViewModel(runner);
        this.swimlanes = new dev.tracehound.app.ui.timeline.SwimlaneViewModel(runner, search);
        this.playbooks = new dev.tracehound.app.ui.playbooks.PlaybooksViewModel(runner);
        this.report = new dev.tracehound.app.ui.reporting.ReportViewModel(runner, () -> search.effectiveQueryProperty().get());
        this.replay = new dev.tracehound.app.ui.replay.ReplayViewModel(runner);
        theme.set(state.theme == null ? "light" : state.theme);
        recentCases.setAll(state.recentCases);
        theme.addListener((o, a, b) -> {
            state.theme = b;
            stateStore.save(state);
        });
        inspector.eventProperty().addListener((o, a, e) -> replay.select(e));
        search.effectiveQueryProperty().addListener((o, a, q) -> {
            histogram.refresh(currentCase.get(), search.queryProperty().get());
            refreshSwimlanes();
        });
        sessions.selectedProperty().addListener((o, a, s) -> refreshSwimlanes());
    }

    /** The selected session's lanes, or the current query's when no session is selected (the brush never narrows them). */
    private void refreshSwimlanes() {
        var s = sessions.selectedProperty().get();
        swimlanes.refresh(currentCase.get(), s == null ? null : s.summary().sessionId(), search.queryProperty().get());
    }

    /** Where errors go for the user to read (a dialog or notification in the app, a list in tests). */
    public void onError(Consumer<String> sink) {
        errorSink = sink;
    }

    public void reportError(String message) {
        errorSink.accept(message);
    }

    /** Opens a case in the background; the previous one is closed first. */
    public void openCase(Path dir) {
        closeCase();
        status.set("Opening " + dir + "…");
        runner.run("Opening case", () -> {
            Case c = Cases.open(dir);
            return new Opened(c, new AnnotationIndex(c.annotations()));
        }, opened -> show(opened.c, opened.index), e -> {
            status.set("No case open");
            reportError("Could not open the case in " + dir + ": " + e.getMessage());
        });
    }

    /** Creates a case in an empty folder and opens it. */
    public void createCase(Path dir, String name) {
        closeCase();
        runner.run("Creating case", () -> {
            Case c = Cases.create(dir, name);
            return new Opened(c, new AnnotationIndex(c.annotations()));
        }, opened -> show(opened.c, opened.index), e -> reportError("Could not create the case in " + dir + ": " + e.getMessage()));
    }

    private record Opened(Case c, AnnotationIndex index) {}

    /** Shows a case that is already open (also used after the sample incident was prepared). */
    public void show(Case c, AnnotationIndex index) {
        annotationIndex = index;
        currentCase.set(c);
        title.set("Tracehound — " + c.info().name() + (c.readOnly().isPresent() ? " (read-only)" : ""));
        // a read-only case (read-only media or files) refuses every change; say so before the first refusal does
        status.set("Case " + c.info().name() + " · " + c.dir() + c.readOnly().map(why -> " · read-only: " + why).orElse(""));
        state.opened(c.dir().toAbsolutePath().toString());
        stateStore.save(state);
        recentCases.setAll(state.recentCases);
        sessions.open(c, index);
        findings.open(c);
        inspector.open(c, index);
        search.open(c);
        histogram.refresh(c, "");
        refreshSwimlanes();
        playbooks.open(c);
        report.open(c);
        replay.open(c);
    }

    public void closeCase() {
        Case c = currentCase.get();
        if (c == null) return;
        search.close();
        sessions.close();
        findings.close();
        inspector.close();
        playbooks.close();
        report.close();
        replay.close();
        histogram.refresh(null, null);
        swimlanes.refresh(null, null, null);
        currentCase.set(null);
        annotationIndex = null;
        title.set("Tracehound");
        status.set("No case open");
        runner.run("Closing case", () -> {
            c.close();
            return true;
        }, ok -> {}, e -> reportError("Closing the case failed: " + e.getMessage()));
    }

    /** Re-reads everything derived from the case, after an import or an analysis. */
    public void refresh() {
        Case c = currentCase.get();
        if (c == null) return;
        sessions.reload();
        findings.reload();
        search.search();
    }

    /**
     * Runs long work (sample preparation, analysis) on its own thread; the status bar follows its progress and
     * offers cancel while it runs.
     */
    public void runLong(javafx.concurrent.Task<?> task) {
        longTask.set(task);
        task.runningProperty().addListener((o, was, now) -> {
            if (!now && longTask.get() == task) longTask.set(null);
        });
        Thread t = new Thread(task, "tracehound-" + task.getTitle().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        t.setDaemon(true);
        t.start();
    }

    /** Runs the detectors over the open case; the findings and badges refresh when it ends. */
    public void analyze() {
        Case c = currentCase.get();
        if (c == null) return;
        var task = new dev.tracehound.app.ui.analysis.AnalysisTask(c);
        task.setOnSucceeded(e -> {
            var r = task.getValue();
            status.set(String.format("Detectors ran over %d of %d sessions: %d findings%s", r.sessionsAnalysed(), r.sessionsTotal(),
                    r.findings().size(), r.cancelled() ? " (cancelled; findings so far are kept)"
                            : r.retired().isEmpty() ? "" : "; " + r.retired().size() + " untriaged finding(s) no longer produced were retired"));
            sessions.reload();
            findings.reload();
        });
        task.setOnFailed(e -> reportError("The detectors failed: " + task.getException().getMessage()));
        runLong(task);
    }

    public ObjectProperty<javafx.concurrent.Task<?>> longTaskProperty() {
        return longTask;
    }

    public void toggleTheme() {
        theme.set("dark".equals(theme.get()) ? "light" : "dark");
    }

    public String lastCase() {
        return state.lastCase;
    }

    public ReadOnlyObjectProperty<Case> currentCaseProperty() { return currentCase; }
    public StringProperty titleProperty() { return title; }
    public StringProperty statusProperty() { return status; }
    public StringProperty themeProperty() { return theme; }
    public ObservableList<String> recentCases() { return recentCases; }
    public AnnotationIndex annotationIndex() { return annotationIndex; }
    public TaskRunner runner() { return runner; }
    public SearchViewModel search() { return search; }
    public SessionsViewModel sessions() { return sessions; }
    public InspectorViewModel inspector() { return inspector; }
    public FindingsViewModel findings() { return findings; }
    public HistogramViewModel histogram() { return histogram; }
    public dev.tracehound.app.ui.timeline.SwimlaneViewModel swimlanes() { return swimlanes; }
    public dev.tracehound.app.ui.playbooks.PlaybooksViewModel playbooks() { return playbooks; }
    public dev.tracehound.app.ui.reporting.ReportViewModel report() { return report; }
    public dev.tracehound.app.ui.replay.ReplayViewModel replay() { return replay; }
}
