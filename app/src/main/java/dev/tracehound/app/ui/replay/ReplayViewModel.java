package dev.tracehound.app.ui.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehound.app.cli.ContextReconstructorFactory;
import dev.tracehound.app.export.OutputFiles;
import dev.tracehound.app.ui.tasks.TaskRunner;
import dev.tracehound.replay.client.ModelClient;
import dev.tracehound.replay.endpoint.ApiKeys;
import dev.tracehound.replay.endpoint.EndpointKind;
import dev.tracehound.replay.endpoint.EndpointProfile;
import dev.tracehound.replay.endpoint.EndpointProfiles;
import dev.tracehound.replay.plan.ContextEdit;
import dev.tracehound.replay.plan.ReplayPlan;
import dev.tracehound.replay.run.AblationReport;
import dev.tracehound.replay.run.ReplayListener;
import dev.tracehound.replay.run.ReplayRecorder;
import dev.tracehound.replay.run.Replayer;
import dev.tracehound.replay.run.RunSummary;
import dev.tracehound.replay.run.TokenEstimate;
import dev.tracehound.replay.run.TrialResult;
import dev.tracehound.timeline.audit.Actors;
import dev.tracehound.timeline.context.ModelContext;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.store.Case;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * The Replay screen: choose an endpoint profile, edit the selected model call's context (drop a part, neutralise a
 * sentence), run N trials in the background and compare each with the recorded answer. The edits form a
 * {@link ReplayPlan}, the same JSON the CLI's {@code replay --plan} reads; with edits the baseline runs alongside,
 * as the CLI does. API keys are read from the named environment variable at send time, never stored.
 */
public final class ReplayViewModel {
    /** The trials field's label, as its messages name it. */
    static final String TRIALS = "Trials";
    static final String NO_CALL = "Select a MODEL_CALL event (Timeline or Session tree) to replay it.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TaskRunner runner;
    private final Supplier<EndpointProfiles> profiles;
    private Case current;
    private ModelContext context;

    private final ObservableList<EndpointProfile> endpoints = FXCollections.observableArrayList();
    private final ObjectProperty<EndpointProfile> endpoint = new SimpleObjectProperty<>();
    private final ObjectProperty<Event> call = new SimpleObjectProperty<>();
    private final StringProperty contextSummary = new SimpleStringProperty(NO_CALL);
    private final ObservableList<ContextPartRow> parts = FXCollections.observableArrayList();
    private final ObservableList<ContextEdit> edits = FXCollections.observableArrayList();
    private final StringProperty modelOverride = new SimpleStringProperty("");
    /** As entered, null when the entry is no whole number: an out-of-range count is refused, never clamped. */
    private final ObjectProperty<Integer> trials = new SimpleObjectProperty<>(5);
    private final StringProperty trialsProblem = new SimpleStringProperty("");
    private final StringProperty planJson = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty result = new SimpleStringProperty("");
    private final StringProperty baselineResult = new SimpleStringProperty("");
    private final StringProperty difference = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<TrialRow> trialRows = FXCollections.observableArrayList();
    private final ObjectProperty<TrialRow> selectedTrial = new SimpleObjectProperty<>();
    private final StringProperty originalAnswer = new SimpleStringProperty("");
    private final ObservableList<WordDiff.Segment> diff = FXCollections.observableArrayList();
    private volatile Replayer replayer;
    private volatile boolean cancelRequested;

    public ReplayViewModel(TaskRunner runner) {
        this(runner, EndpointProfiles::userDefault);
    }

    /** @param profiles where endpoint profiles live; read again on every reload so a changed config dir is seen */
    public ReplayViewModel(TaskRunner runner, Supplier<EndpointProfiles> profiles) {
        this.runner = runner;
        this.profiles = profiles;
        edits.addListener((javafx.collections.ListChangeListener<ContextEdit>) ch -> refreshPlan());
        trials.addListener((o, a, b) -> {
            trialsProblem.set(problemWith(b));
            refreshPlan();
        });
        modelOverride.addListener((o, a, b) -> refreshPlan());
        selectedTrial.addListener((o, a, t) -> showDiff(t));
    }

    public void open(Case c) {
        current = c;
        reloadEndpoints();
        select(null);
    }

    public void close() {
        current = null;
        select(null);
    }

    // ---- endpoints

    /** Reads the saved profiles again, keeping the chosen one when it still exists. */
    public void reloadEndpoints() {
        String chosen = endpoint.get() == null ? null : endpoint.get().name();
        try {
            endpoints.setAll(profiles.get().list());
        } catch (IllegalArgumentException e) {
            endpoints.clear();
            message.set(e.getMessage());
        }
        endpoint.set(endpoints.stream().filter(p -> p.name().equals(chosen)).findFirst()
                .orElse(endpoints.isEmpty() ? null : endpoints.getFirst()));
    }

    /**
     * Saves a profile (replacing one of the same name) and chooses it.
     *
     * @param apiKeyEnv the NAME of the environment variable holding the key, or blank for endpoints without auth
     * @throws IllegalArgumentException with a readable reason when a field is wrong (e.g. a key instead of a name)
     */
    public EndpointProfile addEndpoint(String name, EndpointKind kind, String baseUrl, String model, String apiKeyEnv) {
        EndpointProfile p = EndpointProfile.of(name == null ? null : name.strip(), kind, baseUrl, model == null ? null : model.strip(),
                apiKeyEnv == null || apiKeyEnv.isBlank() ? null : apiKeyEnv.strip());
        profiles.get().put(p);
        reloadEndpoints();
        endpoint.set(endpoints.stream().filter(x -> x.name().equals(p.name())).findFirst().orElse(p));
        return p;
    }

    // ---- the call and its context

    /** Takes the inspector's event as the call to replay, if it is a model call (or a response standing for one). */
    public void select(Event e) {
        if (e != null && e.kind() != EventKind.MODEL_CALL && e.kind() != EventKind.MODEL_RESPONSE) return;
        if (running.get()) return; // the run in progress keeps its call; selection elsewhere must not change it
        call.set(e);
        context = null;
        parts.clear();
        edits.clear();
        clearResults();
        Case c = current;
        if (e == null || c == null) {
            contextSummary.set(NO_CALL);
            refreshPlan();
            return;
        }
        contextSummary.set("Reconstructing the context of " + e.eventId() + "…");
        runner.run("Reconstructing context", () -> ContextReconstructorFactory.forCase(c).contextOf(e.eventId()).orElse(null), ctx -> {
            if (call.get() != e) return; // another call was selected meanwhile
            showContext(e, ctx);
        }, err -> contextSummary.set("The context of " + e.eventId() + " could not be read: " + err.getMessage()));
    }

    private void showContext(Event e, ModelContext ctx) {
        context = ctx;
        if (ctx == null) {
            contextSummary.set("The context of " + e.eventId() + " cannot be reconstructed from the timeline.");
        } else {
            contextSummary.set(String.format(Locale.ROOT, "%s %s · %s · %d input parts, %d tools", e.kind(), e.eventId(),
                    ctx.model() == null ? "model ?" : ctx.model(), ctx.input().size(), ctx.tools().size()));
            originalAnswer.set(Answers.recorded(ctx.output()));
        }
        refreshParts();
        refreshPlan();
    }

    // ---- edits

    /** Adds a {@code remove} edit for the part at {@code index} of the original input (no-op when already dropped). */
    public void drop(int index) {
        requirePart(index);
        ContextEdit edit = ContextEdit.remove(dev.tracehound.replay.plan.PartSelector.index(index));
        if (!edits.contains(edit)) edits.add(edit);
        refreshParts();
    }

    /**
     * Adds a {@code replace-text} edit: {@code find} (a sentence copied from the part) becomes {@code replacement}
     * (empty deletes it).
     */
    public void neutralise(int index, String find, String replacement) {
        ContextPartRow row = requirePart(index);
        if (find == null || find.isEmpty()) throw new IllegalArgumentException("Select or type the text to neutralise first.");
        if (!row.part().text().contains(find))
            throw new IllegalArgumentException("\"" + dev.tracehound.app.format.Texts.oneLine(find, 60)
                    + "\" is not in part #" + index + "; copy it exactly from the part's text.");
        edits.add(ContextEdit.replaceText(dev.tracehound.replay.plan.PartSelector.index(index), find, replacement == null ? "" : replacement));
        refreshParts();
    }

    public void removeEdit(ContextEdit edit) {
        edits.remove(edit);
        refreshParts();
    }

    private ContextPartRow requirePart(int index) {
        if (context == null) throw new IllegalArgumentException("Select a model call with a reconstructable context first.");
        if (index < 0 || index >= parts.size()) throw new IllegalArgumentException("There is no part #" + index + " in this context.");
        return parts.get(index);
    }

    private void refreshParts() {
        if (context == null) {
            parts.clear();
            return;
        }
        List<ContextPartRow> rows = new ArrayList<>();
        for (int i = 0; i < context.input().size(); i++) {
            int idx = i;
            boolean dropped = edits.stream().anyMatch(ed -> "remove".equals(ed.op()) && Integer.valueOf(idx).equals(ed.selector().index()));
            int neutralised = (int) edits.stream().filter(ed -> "replace-text".equals(ed.op()) && Integer.valueOf(idx).equals(ed.selector().index())).count();
            rows.add(new ContextPartRow(i, context.input().get(i), dropped, neutralised));
        }
        parts.setAll(rows);
    }

    /** The plan the screen would run: the call, N, the model override and the edits. */
    public ReplayPlan plan() {
        Event e = call.get();
        String model = modelOverride.get() == null || modelOverride.get().isBlank() ? null : modelOverride.get().strip();
        return new ReplayPlan(e == null ? null : e.eventId(), trialCount(), null, model, null, List.copyOf(edits), null);
    }

    /** @throws IllegalArgumentException with the CLI's message for {@code -n}, the field named as on screen */
    private int trialCount() {
        String problem = trialsProblem.get();
        if (!problem.isEmpty()) throw new IllegalArgumentException(problem);
        return trials.get();
    }

    /** Why the entered count cannot run, or "" when it can. */
    private static String problemWith(Integer entered) {
        if (entered == null) return TRIALS + " must be a whole number between 1 and " + ReplayPlan.MAX_TRIALS;
        try {
            ReplayPlan.checkTrials(TRIALS, entered);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private void refreshPlan() {
        if (call.get() == null) {
            planJson.set("");
            return;
        }
        if (!trialsProblem.get().isEmpty()) {
            planJson.set(""); // no plan to show or save; the trials field says why
            return;
        }
        try {
            planJson.set(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(withoutNulls(JSON.readTree(plan().toJson()))));
        } catch (IOException e) {
            planJson.set(plan().toJson());
        }
    }

    /** Drops null fields and the objects they leave empty: unset sampling reads back as the defaults anyway. */
    private static com.fasterxml.jackson.databind.JsonNode withoutNulls(com.fasterxml.jackson.databind.JsonNode n) {
        if (n instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            var names = new ArrayList<String>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                var child = withoutNulls(o.get(name));
                if (child.isNull() || (child.isObject() && child.isEmpty())) o.remove(name);
            }
        } else if (n instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
            a.forEach(ReplayViewModel::withoutNulls);
        }
        return n;
    }

    /** Writes the plan as JSON (for {@code tracehound replay --plan FILE}), atomically. */
    public void savePlan(Path file) {
        if (call.get() == null) throw new IllegalArgumentException("Select a model call first: a plan names the call it replays.");
        trialCount(); // an out-of-range count leaves no plan: say why rather than write an empty file
        try {
            Path target = file.toAbsolutePath();
            OutputFiles.writeAtomically(target, planJson.get() + "\n");
            message.set("Plan saved to " + target);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the plan to " + file + ": " + e.getMessage(), e);
        }
    }

    // ---- running

    /** A finished run: the edited run with its baseline, or only the baseline when the plan has no edits. */
    public record Outcome(RunSummary baseline, RunSummary edited, AblationReport ablation) {
        public RunSummary main() {
            return edited != null ? edited : baseline;
        }
    }

    /**
     * Starts the replay as a background task (run it on its own thread; the workbench's {@code runLong} does). The
     * result properties and the trials table fill in on the UI thread.
     *
     * @throws IllegalArgumentException when no call or endpoint is chosen or the trial count is out of range (shown to
     *     the user as it is); nothing is started then
     */
    public Task<Outcome> start() {
        Case c = current;
        Event e = call.get();
        ModelContext ctx = context;
        EndpointProfile profile = endpoint.get();
        if (c == null || e == null) throw new IllegalArgumentException("Select a model call to replay first.");
        if (ctx == null) throw new IllegalArgumentException("The context of this call cannot be reconstructed, so it cannot be replayed.");
        if (profile == null) throw new IllegalArgumentException("Choose an endpoint first (or add one with \"Add endpoint…\").");
        ReplayPlan plan = plan();
        int n = plan.trialCount();
        int total = plan.hasEdits() ? 2 * n : n;
        Task<Outcome> task = new Task<>() {
            @Override
            protected Outcome call() {
                updateTitle("Replaying " + total + " trial(s)");
                updateProgress(0, total);
                Replayer r = new Replayer(new ModelClient(profile, ApiKeys.fromEnvironment()), ReplayRecorder.of(c, Actors.current()),
                        new ReplayListener() {
                            @Override
                            public void starting(String label, TokenEstimate estimate) {
                                updateMessage("Replay " + label + ": " + estimate.describe());
                            }

                            @Override
                            public void trialDone(String label, TrialResult t, int done, int all) {
                                int offset = plan.hasEdits() && "edited".equals(label) ? n : 0;
                                updateProgress(offset + done, total);
                                updateMessage("Replay " + label + ": trial " + done + " of " + all);
                                Platform.runLater(() -> trialRows.add(new TrialRow(label, t)));
                            }
                        });
                replayer = r;
                if (isCancelled() || cancelRequested) r.cancel();
                if (plan.hasEdits()) {
                    // Baseline, then edited, as Replayer.ablate does; run apart so a cancel in the baseline also skips the edited run.
                    RunSummary baseline = r.run(ctx, plan.withoutEdits());
                    if (cancelRequested) return new Outcome(baseline, null, null);
                    RunSummary edited = r.run(ctx, plan);
                    return new Outcome(baseline, edited, new AblationReport(baseline, edited));
                }
                return new Outcome(r.run(ctx, plan), null, null);
            }

            @Override
            protected void cancelled() {
                cancelRequested = true;
                Replayer r = replayer;
                if (r != null) r.cancel();
                running.set(false);
                result.set("Cancelled. Trials that finished are kept in the case (replay-runs).");
            }
        };
        task.setOnSucceeded(ev -> show(task.getValue()));
        task.setOnFailed(ev -> {
            running.set(false);
            result.set("The replay failed: " + task.getException().getMessage());
        });
        clearResults();
        cancelRequested = false;
        running.set(true);
        result.set("Running " + total + " trial(s) against " + profile.name() + "…");
        return task;
    }

    private void show(Outcome o) {
        running.set(false);
        List<TrialRow> rows = new ArrayList<>();
        if (o.edited() != null) {
            o.baseline().results().forEach(t -> rows.add(new TrialRow("baseline", t)));
            o.edited().results().forEach(t -> rows.add(new TrialRow("edited", t)));
            result.set("With edits: " + o.edited().headline());
            baselineResult.set("Baseline: " + o.baseline().headline());
            difference.set(String.format(Locale.ROOT, "Difference: %+.0f percentage points (%d/%d → %d/%d)", o.ablation().difference() * 100,
                    o.baseline().rate().reproduced(), o.baseline().rate().completed(), o.edited().rate().reproduced(), o.edited().rate().completed()));
        } else {
            o.baseline().results().forEach(t -> rows.add(new TrialRow("baseline", t)));
            result.set(o.baseline().headline());
            if (cancelRequested && !edits.isEmpty()) baselineResult.set("Cancelled before the edited run started.");
        }
        trialRows.setAll(rows);
        message.set("Run " + o.main().runId() + " stored in the case and audited.");
    }

    /** Stops the run: trials in flight are cancelled and the run ends with what finished (still stored and audited). */
    public void cancel() {
        cancelRequested = true;
        Replayer r = replayer;
        if (r != null) r.cancel();
    }

    private void clearResults() {
        trialRows.clear();
        selectedTrial.set(null);
        result.set("");
        baselineResult.set("");
        difference.set("");
        diff.clear();
    }

    private void showDiff(TrialRow t) {
        if (t == null) {
            diff.clear();
            return;
        }
        diff.setAll(WordDiff.diff(originalAnswer.get(), t.answer()));
    }

    public ObservableList<EndpointProfile> endpoints() { return endpoints; }
    public ObjectProperty<EndpointProfile> endpointProperty() { return endpoint; }
    public ObjectProperty<Event> callProperty() { return call; }
    public StringProperty contextSummaryProperty() { return contextSummary; }
    public ObservableList<ContextPartRow> parts() { return parts; }
    public ObservableList<ContextEdit> edits() { return edits; }
    public StringProperty modelOverrideProperty() { return modelOverride; }
    public ObjectProperty<Integer> trialsProperty() { return trials; }
    public ReadOnlyStringProperty trialsProblemProperty() { return trialsProblem; }
    public StringProperty planJsonProperty() { return planJson; }
    public BooleanProperty runningProperty() { return running; }
    public StringProperty resultProperty() { return result; }
    public StringProperty baselineResultProperty() { return baselineResult; }
    public StringProperty differenceProperty() { return difference; }
    public StringProperty messageProperty() { return message; }
    public ObservableList<TrialRow> trialRows() { return trialRows; }
    public ObjectProperty<TrialRow> selectedTrialProperty() { return selectedTrial; }
    public StringProperty originalAnswerProperty() { return originalAnswer; }
    public ObservableList<WordDiff.Segment> diff() { return diff; }
}
