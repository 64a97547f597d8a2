package dev.tracehound.app.cli;

import dev.tracehound.replay.chain.ChainReplayer;
import dev.tracehound.replay.chain.ChainReport;
import dev.tracehound.replay.chain.RecordedToolCalls;
import dev.tracehound.replay.client.ModelClient;
import dev.tracehound.replay.endpoint.ApiKeys;
import dev.tracehound.replay.endpoint.EndpointProfile;
import dev.tracehound.replay.endpoint.EndpointProfiles;
import dev.tracehound.replay.run.ReplayRecorder;
import dev.tracehound.replay.wire.Sampling;
import dev.tracehound.timeline.audit.Actors;
import dev.tracehound.timeline.context.ModelContext;
import dev.tracehound.timeline.store.Case;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tracehound replay-chain}: re-runs a multi-step agent session against a live model, answering its tool
 * calls only with the session's recorded results, until the first call the recording cannot answer. No tool is
 * ever executed.
 */
@Command(name = "replay-chain", mixinStandardHelpOptions = true, description = "Continue a recorded agent run against a model, answering tool calls from the recording; stops at the divergence point. Never executes a tool.")
public final class ReplayChainCommand implements Callable<Integer> {
    @Mixin CaseOption caseOption;
    @Mixin OutputOptions output;
    @Option(names = "--session", required = true, paramLabel = "ID", description = "The session to continue (list them with: tracehound sessions).") String session;
    @Option(names = "--profile", required = true, paramLabel = "NAME", description = "The model endpoint to run it against (see: tracehound endpoints list).") String profile;
    @Option(names = "--from-event", paramLabel = "ID", description = "Start at this model call instead of the session's first.") String fromEvent;
    @Option(names = "--max-steps", defaultValue = "" + ChainReplayer.DEFAULT_MAX_STEPS, paramLabel = "N",
            description = "Model calls to make at most, 1 to " + ChainReplayer.MAX_STEPS + " (default: ${DEFAULT-VALUE}).") int maxSteps;
    @Option(names = "--model", description = "Model override.") String model;
    @Option(names = "--temperature", description = "Sampling temperature, 0 to 2 (0 to 1 for anthropic endpoints; default: the recorded value).") Double temperature;

    @Override
    public Integer call() {
        ChainReplayer.checkMaxSteps("--max-steps", maxSteps); // the option's own name, before anything is opened
        TemperatureOption.check(profile, temperature);
        EndpointProfile endpoint = EndpointProfiles.userDefault().require(profile);
        try (Case c = caseOption.open()) {
            List<ModelContext> contexts = ContextReconstructorFactory.forCase(c).contextsOf(session);
            if (contexts.isEmpty()) throw new CliException("session " + session + " has no model calls to replay (list sessions with: tracehound sessions --case DIR)");
            ModelContext start = fromEvent == null ? contexts.getFirst() : contexts.stream()
                    .filter(x -> fromEvent.equals(x.callEventId())).findFirst()
                    .orElseThrow(() -> new CliException("model call " + fromEvent + " is not in session " + session));
            RecordedToolCalls recorded = RecordedToolCalls.from(c.events().session(session), contexts);
            ChainReport report = new ChainReplayer(new ModelClient(endpoint, ApiKeys.fromEnvironment()), ReplayRecorder.of(c, Actors.current()))
                    .run(start, recorded, model, new Sampling(temperature, null, null, null), maxSteps);
            if (output.json()) output.printJson(report);
            else print(output.out(), report, recorded.all().size());
            // a step whose request failed (timeout, HTTP error, garbage) ended the chain without an answer
            return report.steps().stream().anyMatch(s -> !"ok".equals(s.status())) ? 2 : 0;
        }
    }

    static void print(PrintWriter out, ChainReport r, int recordings) {
        out.printf("chain run %s: session %s via %s (%s), %d recorded tool results available%n", r.runId(), r.sessionId(), r.profile(), r.model(), recordings);
        for (ChainReport.Step s : r.steps()) {
            if (!"ok".equals(s.status())) {
                out.printf("step %d: failed: %s%n", s.step(), s.error());
                continue;
            }
            if (s.toolCalls().isEmpty()) out.printf("step %d: answered: %s%n", s.step(), ReplayCommand.abbreviate(s.text().strip().replace('\n', ' '), 100));
            for (ChainReport.Call call : s.toolCalls()) {
                out.printf("step %d: %s(%s) -> %s%n", s.step(), call.name(), ReplayCommand.abbreviate(call.arguments(), 60),
                        call.answeredBy() == null ? "NO RECORDED RESULT (not executed)" : "recorded result of " + call.answeredBy());
            }
        }
        out.println(r.outcome());
        out.println("tools executed: " + r.toolsExecuted());
        out.flush();
    }
}
