package dev.tracehound.replay.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.replay.Json;
import dev.tracehound.replay.client.Exchange;
import dev.tracehound.replay.client.ModelClient;
import dev.tracehound.replay.compare.Behaviour;
import dev.tracehound.replay.compare.ReproductionCriterion;
import dev.tracehound.replay.compare.TrialComparison;
import dev.tracehound.replay.endpoint.EndpointProfile;
import dev.tracehound.replay.plan.ContextEdit;
import dev.tracehound.replay.plan.PlanApplier;
import dev.tracehound.replay.plan.ReplayPlan;
import dev.tracehound.replay.stats.ReproductionRate;
import dev.tracehound.replay.wire.ModelReply;
import dev.tracehound.replay.wire.WireRequest;
import dev.tracehound.timeline.context.ModelContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a replay plan against one endpoint: applies the edits, builds the request, runs the trials, compares each
 * with the recorded answer and summarises. With a recorder, everything is kept in the case and audited.
 */
public final class Replayer {
    private final ModelClient client;
    private final ReplayRecorder recorder;
    private final ReplayListener listener;
    private final List<TrialRunner> running = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Replayer(ModelClient client, ReplayRecorder recorder, ReplayListener listener) {
        this.client = client;
        this.recorder = recorder;
        this.listener = listener == null ? ReplayListener.NONE : listener;
    }

    /**
     * The request a plan would send, and its token estimate, without sending anything.
     *
     * @throws IllegalArgumentException when the endpoint's provider refuses a value of the plan that others take
     *     (temperature 1.5 for Anthropic): one error now rather than N failed trials
     */
    public Prepared prepare(ModelContext original, ReplayPlan plan) {
        client.profile().kind().checkTemperature(plan.sampling(), original);
        ModelContext edited = PlanApplier.apply(original, plan.edits());
        String model = plan.model() != null && !plan.model().isBlank() ? plan.model() : client.profile().model();
        WireRequest request = client.format().build(edited, model, plan.sampling(), plan.streaming());
        String body = new String(request.body(), StandardCharsets.UTF_8);
        TokenEstimate estimate = TokenEstimate.of(body, maxTokensSent(body), plan.trialCount());
        return new Prepared(edited, model, request, estimate);
    }

    public record Prepared(ModelContext context, String model, WireRequest request, TokenEstimate estimate) {}

    /**
     * The output limit the request carries, whichever field its format uses: what the plan or the recorded call set,
     * or a format's own default (Anthropic requires one, 1024), so the estimate bounds what will be billed.
     */
    static Integer maxTokensSent(String requestBody) {
        try {
            JsonNode body = Json.MAPPER.readTree(requestBody);
            for (JsonNode n : List.of(body.path("max_tokens"), body.path("max_completion_tokens"),
                    body.path("options").path("num_predict"))) {
                if (n.canConvertToInt()) return n.intValue();
            }
            return null;
        } catch (JsonProcessingException e) {
            return null; // not JSON: no limit can be read from it
        }
    }

    public RunSummary run(ModelContext original, ReplayPlan plan) {
        return run(original, plan, plan.hasEdits() ? "edited" : "baseline");
    }

    public AblationReport ablate(ModelContext original, ReplayPlan plan) {
        if (!plan.hasEdits()) throw new IllegalArgumentException("an ablation needs a plan with edits; this plan has none");
        RunSummary baseline = run(original, plan.withoutEdits(), "baseline");
        RunSummary edited = run(original, plan, "edited");
        return new AblationReport(baseline, edited);
    }

    public void cancel() {
        running.forEach(TrialRunner::cancel);
    }

    private RunSummary run(ModelContext original, ReplayPlan plan, String label) {
        Prepared prepared = prepare(original, plan);
        int n = plan.trialCount();
        listener.starting(label, prepared.estimate());
        ReproductionCriterion criterion = new ReproductionCriterion(Behaviour.ofRecorded(original.output()), plan.criterion());
        String runId = UUID.randomUUID().toString();
        Map<Integer, TrialResult> results = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        TrialRunner runner = new TrialRunner(client);
        running.add(runner);
        try {
            runner.run(prepared.request(), n, (trial, exchange) -> {
                TrialResult r = result(runId, label, trial + 1, exchange, criterion);
                results.put(trial, r);
                listener.trialDone(label, r, done.incrementAndGet(), n);
            });
        } finally {
            running.remove(runner);
        }
        List<TrialResult> ordered = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TrialResult r = results.get(i);
            ordered.add(r != null ? r : new TrialResult(i + 1, TrialResult.CANCELLED, "cancelled before it finished", null, 0, 0,
                    List.of(), null, null, null, null, null, List.of(), null, null, null, null));
        }
        RunSummary summary = summarise(runId, original, plan, label, prepared, criterion, ordered);
        if (recorder != null) recorder.storeRun(summary, "replay");
        return summary;
    }

    private TrialResult result(String runId, String label, int trial, Exchange e, ReproductionCriterion criterion) {
        String[] shas = recorder == null ? new String[2] : recorder.storeTrial(runId, label, trial, e);
        Integer status = e.status() == 0 ? null : e.status();
        if (!e.ok()) {
            return new TrialResult(trial, TrialResult.FAILED, e.error(), status, e.durationMillis(), e.attempts(), e.waits(),
                    null, null, null, null, null, List.of(), null, shas[0], shas[1], e.started().toString());
        }
        ModelReply reply = e.reply();
        TrialComparison cmp = criterion.compare(Behaviour.ofReply(reply));
        List<TrialResult.ToolCallView> calls = reply.toolCalls().stream()
                .map(c -> new TrialResult.ToolCallView(c.id(), c.name(), c.argumentsJson())).toList();
        return new TrialResult(trial, TrialResult.OK, null, status, e.durationMillis(), e.attempts(), e.waits(), reply.modelId(),
                reply.usage().inputTokens(), reply.usage().outputTokens(), reply.finishReason(), reply.text(), calls, cmp, shas[0], shas[1],
                e.started().toString());
    }

    private RunSummary summarise(String runId, ModelContext original, ReplayPlan plan, String label, Prepared prepared,
            ReproductionCriterion criterion, List<TrialResult> results) {
        int completed = 0, failed = 0, cancelled = 0, reproduced = 0;
        long in = 0, out = 0;
        LinkedHashSet<String> models = new LinkedHashSet<>();
        for (TrialResult r : results) {
            switch (r.status()) {
                case TrialResult.OK -> completed++;
                case TrialResult.FAILED -> failed++;
                default -> cancelled++;
            }
            if (r.reproduces()) reproduced++;
            if (r.inputTokens() != null) in += r.inputTokens();
            if (r.outputTokens() != null) out += r.outputTokens();
            if (r.modelId() != null) models.add(r.modelId());
        }
        EndpointProfile p = client.profile();
        return new RunSummary(runId, label, Instant.now().toString(), original.callEventId(), original.sessionId(), p.name(),
                p.kind().wireName(), p.baseUrl(), prepared.model(), List.copyOf(models), plan.toJson(),
                plan.edits().stream().map(ContextEdit::describe).toList(), criterion.describe(), prepared.estimate().describe(),
                results.size(), completed, failed, cancelled, ReproductionRate.of(reproduced, completed), in, out, results);
    }
}
