package dev.tracehound.playbooks.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.playbooks.catalogue.CatalogueEntry;
import dev.tracehound.playbooks.format.DecisionOption;
import dev.tracehound.playbooks.format.Step;
import dev.tracehound.playbooks.format.Yaml;
import dev.tracehound.timeline.store.Case;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The playbook runs of one case: starting, ticking steps, evaluating automatic checks. Every change is written to
 * the case and appended to its audit log ({@code playbook-start}, {@code playbook-tick}, {@code playbook-reopen},
 * {@code playbook-check}).
 */
public final class PlaybookRuns {
    private final Case kase;
    private final RunStore store;
    private final Clock clock;

    public PlaybookRuns(Case kase) {
        this(kase, Clock.systemUTC());
    }

    public PlaybookRuns(Case kase, Clock clock) {
        this.kase = kase;
        this.store = new RunStore(kase.documents());
        this.clock = clock;
    }

    public PlaybookRun start(CatalogueEntry entry, String actor) {
        String playbookId = entry.playbook().id();
        long n = list().stream().filter(r -> r.playbookId().equals(playbookId)).count() + 1;
        while (store.get(playbookId + "-" + n).isPresent()) n++; // never overwrite a run, whatever ids exist
        String id = playbookId + "-" + n;
        PlaybookRun run = new PlaybookRun(id, playbookId, entry.playbook().version(), entry.origin(), actor, now(),
                entry.playbook(), null);
        store.put(run);
        audit(actor, "playbook-start", run, d -> d.put("playbook", playbookId).put("version", run.playbookVersion()).put("origin", entry.origin()));
        return run;
    }

    public List<PlaybookRun> list() {
        return store.list();
    }

    public PlaybookRun get(String runId) {
        return store.get(runId).orElseThrow(() -> new IllegalArgumentException("no playbook run '" + runId
                + "' in this case; runs: " + ids()));
    }

    /** The run named, or the only run of the case when none is named. */
    public PlaybookRun resolve(String runIdOrNull) {
        if (runIdOrNull != null) return get(runIdOrNull);
        List<PlaybookRun> runs = list();
        if (runs.size() == 1) return runs.getFirst();
        if (runs.isEmpty()) throw new IllegalArgumentException("this case has no playbook run; start one with: playbook start --case DIR ID (or playbook suggest)");
        throw new IllegalArgumentException("this case has " + runs.size() + " playbook runs; name one of: " + ids());
    }

    public PlaybookRun tick(String runId, Tick tick, String actor) {
        PlaybookRun run = get(runId);
        Step step = step(run, tick.stepId());
        String choice = choice(step, tick.choice());
        for (String f : tick.findings()) {
            if (kase.findings().get(f).isEmpty()) throw new IllegalArgumentException("no finding '" + f + "' in this case");
        }
        List<String> unknownEvents = new ArrayList<>(tick.events());
        kase.events().get(tick.events()).forEach(e -> unknownEvents.remove(e.eventId()));
        if (!unknownEvents.isEmpty()) throw new IllegalArgumentException("no event " + unknownEvents + " in this case");

        String at = now();
        StepState state = run.state(step.id()).ticked(actor, at, false, choice)
                .linking(tick.events(), tick.findings(), tick.replays());
        if (tick.note() != null && !tick.note().isBlank()) state = state.withNote(new Note(actor, at, tick.note()));
        PlaybookRun updated = run.with(step.id(), state);
        store.put(updated);
        audit(actor, "playbook-tick", updated, d -> {
            d.put("step", step.id());
            if (choice != null) d.put("choice", choice);
            if (tick.note() != null) d.put("note", tick.note());
            tick.events().forEach(d.withArray("events")::add);
            tick.findings().forEach(d.withArray("findings")::add);
            tick.replays().forEach(d.withArray("replays")::add);
        });
        return updated;
    }

    /** Marks a step not done again; its notes, links and check result stay. */
    public PlaybookRun reopen(String runId, String stepId, String note, String actor) {
        PlaybookRun run = get(runId);
        Step step = step(run, stepId);
        StepState state = run.state(step.id()).reopened();
        if (note != null && !note.isBlank()) state = state.withNote(new Note(actor, now(), note));
        PlaybookRun updated = run.with(step.id(), state);
        store.put(updated);
        audit(actor, "playbook-reopen", updated, d -> {
            d.put("step", step.id());
            if (note != null) d.put("note", note);
        });
        return updated;
    }

    /**
     * Evaluates every automatic check of the run and records the results. A met check marks its step done (as
     * automatic); a check that no longer holds reopens a step only if the check had closed it, never a person's tick.
     */
    public PlaybookRun check(String runId, String actor) {
        PlaybookRun run = get(runId);
        CheckEvaluator evaluator = new CheckEvaluator(kase);
        String at = now();
        ObjectNode results = Yaml.JSON.createObjectNode();
        for (Step step : run.playbook().steps()) {
            if (step.check() == null) continue;
            CheckResult result = evaluator.evaluate(step.check(), actor, at);
            StepState state = run.state(step.id()).checked(result);
            if (result.outcome() == CheckOutcome.MET && !state.done()) state = state.ticked(actor, at, true, null);
            else if (result.outcome() != CheckOutcome.MET && state.done() && state.auto()) state = state.reopened();
            run = run.with(step.id(), state);
            results.put(step.id(), result.outcome().name());
        }
        store.put(run);
        audit(actor, "playbook-check", run, d -> d.set("results", results));
        return run;
    }

    private static Step step(PlaybookRun run, String stepId) {
        return run.playbook().step(stepId).orElseThrow(() -> new IllegalArgumentException("playbook '" + run.playbookId()
                + "' has no step '" + stepId + "'; steps: " + String.join(", ", run.playbook().steps().stream().map(Step::id).toList())));
    }

    /**
     * The label of the option chosen. Labels are sentences, awkward to type, so the option's target step id or its
     * 1-based number are accepted as well.
     */
    private static String choice(Step step, String choice) {
        List<DecisionOption> options = step.options();
        if (!step.isDecision()) {
            if (choice != null) throw new IllegalArgumentException("step '" + step.id() + "' is not a decision; it takes no choice");
            return null;
        }
        if (choice != null) {
            String c = choice.strip();
            for (DecisionOption o : options) if (o.label().equalsIgnoreCase(c) || o.next().equals(c)) return o.label();
            if (c.matches("\\d{1,3}") && Integer.parseInt(c) >= 1 && Integer.parseInt(c) <= options.size()) {
                return options.get(Integer.parseInt(c) - 1).label();
            }
        }
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < options.size(); i++) {
            list.append(i == 0 ? "" : " | ").append(i + 1).append(") ").append(options.get(i).label()).append(" [").append(options.get(i).next()).append(']');
        }
        throw new IllegalArgumentException("step '" + step.id() + "' is a decision (" + step.title() + "); choose one of: " + list);
    }

    private void audit(String actor, String action, PlaybookRun run, Consumer<ObjectNode> details) {
        ObjectNode d = Yaml.JSON.createObjectNode().put("run", run.id());
        details.accept(d);
        kase.audit().append(actor, action, d.toString());
    }

    private String ids() {
        List<String> ids = list().stream().map(PlaybookRun::id).toList();
        return ids.isEmpty() ? "(none)" : String.join(", ", ids);
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
