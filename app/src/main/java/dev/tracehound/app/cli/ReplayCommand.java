package dev.tracehound.app.cli;

import dev.tracehound.replay.client.ModelClient;
import dev.tracehound.replay.endpoint.ApiKeys;
import dev.tracehound.replay.endpoint.EndpointKind;
import dev.tracehound.replay.endpoint.EndpointProfile;
import dev.tracehound.replay.endpoint.EndpointProfiles;
import dev.tracehound.replay.plan.ReplayPlan;
import dev.tracehound.replay.run.AblationReport;
import dev.tracehound.replay.run.ReplayListener;
import dev.tracehound.replay.run.ReplayRecorder;
import dev.tracehound.replay.run.Replayer;
import dev.tracehound.replay.run.RunSummary;
import dev.tracehound.replay.run.TokenEstimate;
import dev.tracehound.replay.run.TrialResult;
import dev.tracehound.replay.wire.Sampling;
import dev.tracehound.timeline.audit.Actors;
import dev.tracehound.timeline.context.ModelContext;
import dev.tracehound.timeline.store.Case;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tracehound replay}: sends a recorded model call's context N times and reports how often the recorded
 * behaviour comes back. With a plan that edits the context, the baseline runs too and both rates are shown.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, description = "Replay a recorded model call N times and measure how reliably it reproduces.")
public final class ReplayCommand implements Callable<Integer> {
    @Mixin CaseOption caseOption;
    @Mixin OutputOptions output;
    @Option(names = "--event", paramLabel = "ID", description = "The MODEL_CALL event to replay (or set targetEventId in the plan).") String event;
    @Option(names = "--profile", required = true, paramLabel = "NAME", description = "Endpoint profile (tracehound endpoints list).") String profile;
    @Option(names = "-n", paramLabel = "N", description = "Trials, 1 to " + ReplayPlan.MAX_TRIALS + " (default: the plan's, else 10).") Integer trials;
    @Option(names = "--plan", paramLabel = "FILE", description = "Replay plan JSON: sampling, model override, context edits, criterion.") Path planFile;
    @Option(names = "--model", description = "Model override for this run.") String model;
    @Option(names = "--temperature", description = "Sampling temperature, 0 to 2 (0 to 1 for anthropic endpoints; overrides the plan and the recorded value).") Double temperature;
    @Option(names = "--seed", description = "Sampling seed, where the provider supports one.") Long seed;
    @Option(names = "--max-tokens", description = "Output token limit per trial, at least 1.") Integer maxTokens;
    @Option(names = "--stream", description = "Request streamed responses (SSE / NDJSON).") boolean stream;

    @Override
    public Integer call() {
        // the options' own names in the message, before they meet the plan's values
        ReplayPlan.checkTrials("-n", trials);
        TemperatureOption.check(profile, temperature);
        Sampling.checkMaxTokens("--max-tokens", maxTokens);
        ReplayPlan plan = planFile != null ? ReplayPlan.read(planFile) : ReplayPlan.baseline(null, 10);
        if (trials != null) plan = plan.with(null, trials);
        else if (plan.trials() == null) plan = plan.with(null, 10);
        if (event != null) plan = plan.with(event, null);
        Sampling sp = plan.sampling();
        Sampling sampling = new Sampling(temperature != null ? temperature : sp.temperature(), sp.topP(),
                seed != null ? seed : sp.seed(), maxTokens != null ? maxTokens : sp.maxTokens());
        plan = new ReplayPlan(plan.targetEventId(), plan.trials(), sampling, model != null ? model : plan.model(),
                stream ? Boolean.TRUE : plan.stream(), plan.edits(), plan.criterion());
        if (plan.targetEventId() == null) throw new CliException("say which model call to replay: --event ID (or targetEventId in the plan)");
        EndpointProfile endpoint = EndpointProfiles.userDefault().require(profile);
        checkTemperatureFor(endpoint.kind(), plan.sampling().temperature());
        ApiKeys.fromEnvironment().keyFor(endpoint); // an unset key variable is one clear error now, not N failed trials
        PrintWriter progress = output.json() ? output.spec.commandLine().getErr() : output.out();
        try (CancelOnInterrupt guard = new CancelOnInterrupt(); Case c = caseOption.open()) {
            String target = plan.targetEventId();
            ModelContext context = ContextReconstructorFactory.forCase(c).contextOf(target).orElseThrow(() -> new CliException(
                    "no model call with event id " + target + " in this case (find calls with: tracehound search --case DIR 'kind:MODEL_CALL')"));
            ModelClient client = new ModelClient(endpoint, ApiKeys.fromEnvironment());
            Replayer replayer = new Replayer(client, ReplayRecorder.of(c, Actors.current()), new Progress(progress));
            guard.onInterrupt(replayer::cancel);
            List<RunSummary> runs;
            if (plan.hasEdits()) {
                AblationReport report = replayer.ablate(context, plan);
                if (output.json()) output.printJson(report);
                else {
                    printRun(output.out(), report.baseline());
                    printRun(output.out(), report.edited());
                    output.out().println(report.describe());
                }
                runs = List.of(report.baseline(), report.edited());
            } else {
                RunSummary s = replayer.run(context, plan);
                if (output.json()) output.printJson(s);
                else printRun(output.out(), s);
                runs = List.of(s);
            }
            output.out().flush();
            for (RunSummary s : runs) {
                if (s.trials() > 0 && s.completed() == 0 && s.cancelled() < s.trials()) {
                    throw new CliException("no trial of run " + s.runId() + " completed (" + s.failed() + " failed; the errors are listed above)");
                }
            }
        }
        return 0;
    }

    /**
     * A plan temperature this provider refuses though others take it (1.5 for Anthropic), named as the plan's field;
     * a --temperature, which overrides it, was held to the provider's range at the start ({@link TemperatureOption}).
     */
    private void checkTemperatureFor(EndpointKind kind, Double planned) {
        if (temperature != null) return;
        try {
            kind.checkTemperature("sampling.temperature", planned);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("plan " + planFile + ": " + e.getMessage(), e);
        }
    }

    static void printRun(PrintWriter out, RunSummary s) {
        out.printf("%n%s run %s: %s via %s (%s)%n", s.type(), s.runId(), s.requestedModel(), s.profile(), s.kind());
        if (!s.edits().isEmpty()) out.println("edits: " + String.join("; ", s.edits()));
        out.println("criterion: " + s.criterion());
        out.printf("%-5s %-9s %-10s %-28s %6s %7s  %s%n", "TRIAL", "STATUS", "REPRODUCES", "TOOLS CALLED", "SIM", "MS", "NOTE");
        for (TrialResult r : s.results()) {
            String tools = r.toolCalls() == null || r.toolCalls().isEmpty() ? "-"
                    : String.join(",", r.toolCalls().stream().map(TrialResult.ToolCallView::name).toList());
            String sim = r.comparison() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.comparison().textJaccard());
            String note = r.ok() ? r.comparison().reason() : r.error();
            out.printf("%-5d %-9s %-10s %-28s %6s %7d  %s%n", r.trial(), r.status(), r.reproduces() ? "yes" : "no",
                    abbreviate(tools, 28), sim, r.durationMillis(), note);
        }
        out.println(s.headline());
        out.flush();
    }

    static String abbreviate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    /** Shows the estimate before trials start and a line per finished trial. */
    record Progress(PrintWriter out) implements ReplayListener {
        @Override
        public void starting(String label, TokenEstimate estimate) {
            out.println(label + ": " + estimate.describe());
            out.flush();
        }

        @Override
        public void trialDone(String label, TrialResult result, int done, int total) {
            synchronized (out) {
                out.printf("  %s trial %d/%d %s%n", label, done, total, result.ok() ? (result.reproduces() ? "reproduced" : "did not reproduce") : "failed: " + result.error());
                out.flush();
            }
        }
    }
}
