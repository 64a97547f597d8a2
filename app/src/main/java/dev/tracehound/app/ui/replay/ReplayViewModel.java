package dev.tracehound.app.ui.replay;

import dev.tracehound.replay.client.ModelClient;
import dev.tracehound.replay.endpoint.ApiKeys;
import dev.tracehound.replay.endpoint.EndpointKind;
import dev.tracehound.replay.endpoint.EndpointProfile;
import dev.tracehound.replay.plan.ReplayPlan;
import dev.tracehound.replay.run.ReplayListener;
import dev.tracehound.replay.run.ReplayRecorder;
import dev.tracehound.replay.run.Replayer;
import dev.tracehound.replay.run.RunSummary;
import dev.tracehound.replay.run.TrialResult;
import dev.tracehound.timeline.audit.Actors;
import dev.tracehound.timeline.context.ModelContext;
import dev.tracehound.timeline.context.TimelineContextReconstructor;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.store.Case;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;

/**
 * Replays the selected model call: its reconstructed context is sent again to an endpoint for N trials and the
 * reproduction rate is shown. The API key is read from the named environment variable at send time, never stored.
 */
public final class ReplayViewModel {
    private Case current;
    private final ObjectProperty<Event> call = new SimpleObjectProperty<>();
    private final StringProperty contextSummary = new SimpleStringProperty("Select a MODEL_CALL event (Timeline or Session tree) to replay it.");
    private final ObjectProperty<EndpointKind> kind = new SimpleObjectProperty<>(EndpointKind.OPENAI);
    private final StringProperty baseUrl = new SimpleStringProperty("http://localhost:11434/v1");
    private final StringProperty model = new SimpleStringProperty("");
    private final StringProperty apiKeyEnv = new SimpleStringProperty("");
    private final IntegerProperty trials = new SimpleIntegerProperty(5);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty result = new SimpleStringProperty("");
    private volatile Replayer replayer;

    public void open(Case c) {
        current = c;
        select(null);
    }

    public void close() {
        current = null;
        select(null);
    }

    /** Takes the inspector's event as the call to replay, if it is a model call (or a response standing for one). */
    public void select(Event e) {
        if (e != null && e.kind() != EventKind.MODEL_CALL && e.kind() != EventKind.MODEL_RESPONSE) return;
        call.set(e);
        if (e == null) {
            contextSummary.set("Select a MODEL_CALL event (Timeline or Session tree) to replay it.");
            return;
        }
        if (model.get().isBlank() && e.model() != null) model.set(e.model());
        Case c = current;
        ModelContext ctx = c == null ? null : new TimelineContextReconstructor(c.events()).contextOf(e.eventId()).orElse(null);
        contextSummary.set(ctx == null ? "The context of " + e.eventId() + " cannot be reconstructed from the timeline."
                : String.format("%s · %s · %d input parts, %d tools, recorded answer: %s", e.kind(), ctx.model() == null ? "model ?" : ctx.model(),
                        ctx.input().size(), ctx.tools().size(), ctx.output().isEmpty() ? "(none)"
                        : dev.tracehound.app.format.Texts.oneLine(ctx.output().getFirst().text(), 80)));
    }

    /**
     * Starts the replay on a background task; {@code onDone} gets the summary on the UI thread.
     *
     * @throws IllegalArgumentException when the endpoint settings are incomplete (shown to the user as they are)
     */
    public Task<RunSummary> start(Consumer<RunSummary> onDone) {
        Case c = current;
        Event e = call.get();
        if (c == null || e == null) throw new IllegalArgumentException("Select a model call to replay first.");
        EndpointProfile profile = EndpointProfile.of("workbench", kind.get(), baseUrl.get(), model.get(),
                apiKeyEnv.get() == null || apiKeyEnv.get().isBlank() ? null : apiKeyEnv.get().strip());
        ModelContext ctx = new TimelineContextReconstructor(c.events()).contextOf(e.eventId())
                .orElseThrow(() -> new IllegalArgumentException("The context of this call cannot be reconstructed."));
        int n = Math.max(1, Math.min(ReplayPlan.MAX_TRIALS, trials.get()));
        Task<RunSummary> task = new Task<>() {
            @Override
            protected RunSummary call() {
                updateTitle("Replaying " + n + " trial(s)");
                updateProgress(0, n);
                Replayer r = new Replayer(new ModelClient(profile, ApiKeys.fromEnvironment()), ReplayRecorder.of(c, Actors.current()),
                        new ReplayListener() {
                            @Override
                            public void trialDone(String label, TrialResult t, int done, int total) {
                                updateProgress(done, total);
                                updateMessage("Replay: trial " + done + " of " + total);
                            }
                        });
                replayer = r;
                if (isCancelled()) r.cancel();
                return r.run(ctx, ReplayPlan.baseline(e.eventId(), n));
            }
        };
        task.setOnSucceeded(ev -> {
            running.set(false);
            result.set(task.getValue().headline());
            onDone.accept(task.getValue());
        });
        task.setOnFailed(ev -> {
            running.set(false);
            result.set("The replay failed: " + task.getException().getMessage());
        });
        task.setOnCancelled(ev -> {
            running.set(false);
            result.set("Cancelled.");
        });
        running.set(true);
        result.set("");
        return task;
    }

    public void cancel() {
        Replayer r = replayer;
        if (r != null) r.cancel();
    }

    public ObjectProperty<Event> callProperty() { return call; }
    public StringProperty contextSummaryProperty() { return contextSummary; }
    public ObjectProperty<EndpointKind> kindProperty() { return kind; }
    public StringProperty baseUrlProperty() { return baseUrl; }
    public StringProperty modelProperty() { return model; }
    public StringProperty apiKeyEnvProperty() { return apiKeyEnv; }
    public IntegerProperty trialsProperty() { return trials; }
    public BooleanProperty runningProperty() { return running; }
    public StringProperty resultProperty() { return result; }
}
