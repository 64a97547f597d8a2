package dev.tracehound.replay.chain;

import dev.tracehound.replay.Ranges;
import dev.tracehound.replay.client.Exchange;
import dev.tracehound.replay.client.ModelClient;
import dev.tracehound.replay.plan.ReplayPlan;
import dev.tracehound.replay.run.ReplayRecorder;
import dev.tracehound.replay.wire.ModelReply;
import dev.tracehound.replay.wire.ReplyToolCall;
import dev.tracehound.replay.wire.Sampling;
import dev.tracehound.timeline.context.ContextPart;
import dev.tracehound.timeline.context.ModelContext;
import dev.tracehound.timeline.event.Trust;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Continues a multi-step run against a live model, answering each tool call with the recorded result of the
 * matching original call (same tool, equivalent arguments). It stops at the first call with no recorded
 * counterpart: the divergence point. This class has no way to run a tool, by design: a call without a recording
 * is written into the report and nothing else happens.
 */
public final class ChainReplayer {
    public static final int DEFAULT_MAX_STEPS = 25;
    /**
     * The same cap as a replay run's trials ({@link ReplayPlan#MAX_TRIALS}): each step is one paid request resending
     * the whole transcript so far, and a chain only goes on while recorded results answer its calls, so a limit past
     * the length of any recorded agent run is a typo, not a plan.
     */
    public static final int MAX_STEPS = ReplayPlan.MAX_TRIALS;
    private final ModelClient client;
    private final ReplayRecorder recorder;

    public ChainReplayer(ModelClient client, ReplayRecorder recorder) {
        this.client = client;
        this.recorder = recorder;
    }

    /** @param field how the caller names it (a command-line option, a parameter) */
    public static void checkMaxSteps(String field, int value) {
        Ranges.requireBetween(field, value, 1, MAX_STEPS);
    }

    /** @throws IllegalArgumentException for a step limit out of range or a temperature the provider refuses, before any request */
    public ChainReport run(ModelContext start, RecordedToolCalls recorded, String modelOverride, Sampling sampling, int maxSteps) {
        checkMaxSteps("maxSteps", maxSteps);
        client.profile().kind().checkTemperature(sampling, start);
        String runId = UUID.randomUUID().toString();
        String model = modelOverride != null ? modelOverride : client.profile().model();
        List<ContextPart> input = new ArrayList<>(start.input());
        List<ChainReport.Step> steps = new ArrayList<>();
        ChainReport.Divergence divergence = null;
        String outcome = null;
        for (int step = 1; step <= maxSteps && outcome == null; step++) {
            ModelContext ctx = new ModelContext(start.callEventId(), start.sessionId(), start.provider(), start.model(), input,
                    start.tools(), start.params(), List.of());
            Exchange e;
            try {
                e = client.send(client.format().build(ctx, model, sampling, false));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                outcome = "cancelled at step " + step;
                break;
            }
            String[] shas = recorder == null ? new String[2] : recorder.storeTrial(runId, "chain", step, e);
            if (!e.ok()) {
                steps.add(new ChainReport.Step(step, "failed", e.error(), null, List.of(), null, shas[0], shas[1]));
                outcome = "stopped: the request at step " + step + " failed: " + e.error();
                break;
            }
            ModelReply reply = e.reply();
            List<ChainReport.Call> calls = new ArrayList<>();
            List<ContextPart> results = new ArrayList<>();
            for (ReplyToolCall call : reply.toolCalls()) {
                Optional<RecordedToolCalls.Recorded> match = recorded.take(call.name(), call.argumentsJson());
                if (match.isEmpty()) {
                    calls.add(new ChainReport.Call(call.name(), call.argumentsJson(), null, null));
                    if (divergence == null) divergence = new ChainReport.Divergence(step, call.name(), call.argumentsJson(), whyUnmatched(recorded, call));
                    continue;
                }
                RecordedToolCalls.Recorded r = match.get();
                calls.add(new ChainReport.Call(call.name(), call.argumentsJson(), r.callId(), r.resultEventId()));
                results.add(new ContextPart("tool", r.result(), List.of(), call.id(), call.name(), Trust.TOOL_OUTPUT, r.resultEventId()));
            }
            steps.add(new ChainReport.Step(step, "ok", null, reply.text(), calls, reply.modelId(), shas[0], shas[1]));
            if (divergence != null) {
                outcome = "diverged at step " + step + ": " + divergence.toolName() + " has no recorded counterpart (" + divergence.reason()
                        + "); the call was recorded, not executed";
            } else if (reply.toolCalls().isEmpty()) {
                outcome = "the model finished without further tool calls at step " + step + ", within the recorded run";
            } else {
                input.add(new ContextPart("assistant", reply.text(), reply.toolCalls().stream()
                        .map(c -> new ContextPart.ToolCall(c.id(), c.name(), c.argumentsJson())).toList(), null, null, Trust.MODEL, null));
                input.addAll(results);
            }
        }
        if (outcome == null) outcome = "stopped after the step limit of " + maxSteps + " without diverging";
        ChainReport report = new ChainReport(runId, "chain", Instant.now().toString(), start.sessionId(), start.callEventId(),
                client.profile().name(), model, steps, divergence, outcome, 0);
        if (recorder != null) recorder.storeChain(report);
        return report;
    }

    private static String whyUnmatched(RecordedToolCalls recorded, ReplyToolCall call) {
        List<RecordedToolCalls.Recorded> same = recorded.sameTool(call.name());
        if (same.isEmpty()) return "the original run never called " + call.name();
        return "the original run called " + call.name() + " only with other arguments or already used its results ("
                + same.size() + " recorded)";
    }
}
