package dev.tracehound.playbooks.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.playbooks.format.Check;
import dev.tracehound.playbooks.format.CheckRule;
import dev.tracehound.playbooks.format.Yaml;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.FindingStatus;
import dev.tracehound.timeline.search.QuerySyntaxException;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.CaseDocuments;
import java.util.List;

/** Evaluates a step's automatic check against a case: its index, its findings and its replay runs. */
public final class CheckEvaluator {
    /** The collection the replay module writes its runs to. */
    public static final String REPLAY_RUNS = "replay-runs";

    private final Case kase;

    public CheckEvaluator(Case kase) {
        this.kase = kase;
    }

    public CheckResult evaluate(Check check, String actor, String at) {
        try {
            return switch (check.type()) {
                case SEARCH -> search(check, actor, at);
                case DETECTOR -> detector(check, actor, at);
                case REPLAY -> replay(check, actor, at);
            };
        } catch (QuerySyntaxException e) {
            return new CheckResult(CheckOutcome.ERROR, -1, "the query does not parse: " + e.getMessage(), at, actor);
        } catch (RuntimeException e) {
            return new CheckResult(CheckOutcome.ERROR, -1, "could not evaluate: " + e.getMessage(), at, actor);
        }
    }

    private CheckResult search(Check check, String actor, String at) {
        long n = kase.search().count(check.query());
        boolean met = check.expect() == CheckRule.NONE ? n == 0 : n > 0;
        return result(met, n, n + (n == 1 ? " event matches" : " events match"), actor, at);
    }

    private CheckResult detector(Check check, String actor, String at) {
        List<Finding> of = kase.findings().list().stream().filter(f -> check.detector().equals(f.detector())).toList();
        long open = of.stream().filter(f -> f.status() != FindingStatus.FALSE_POSITIVE).count();
        long confirmed = of.stream().filter(f -> f.status() == FindingStatus.CONFIRMED).count();
        long fresh = of.stream().filter(f -> f.status() == FindingStatus.NEW).count();
        String summary = of.size() + " finding(s) of " + check.detector() + ": " + confirmed + " confirmed, " + fresh
                + " new, " + (of.size() - confirmed - fresh) + " false positive";
        return switch (check.expect()) {
            case EXISTS -> result(open > 0, open, summary, actor, at);
            case CONFIRMED -> result(confirmed > 0, confirmed, summary, actor, at);
            case NONE_NEW -> result(fresh == 0, fresh, summary, actor, at);
            case NONE -> result(open == 0, open, summary, actor, at);
            default -> throw new IllegalStateException("rule " + check.expect() + " does not apply to detector checks");
        };
    }

    /** Met by a run of the plan in which a trial got an answer: a run whose every trial failed reproduced nothing. */
    private CheckResult replay(Check check, String actor, String at) {
        List<CaseDocuments.Document> ofPlan = kase.documents().list(REPLAY_RUNS).stream().filter(d -> isOfPlan(d, check.plan())).toList();
        long answered = ofPlan.stream().filter(CheckEvaluator::anyTrialCompleted).count();
        long unanswered = ofPlan.size() - answered;
        return result(answered > 0, answered, answered + " replay run(s) of plan " + check.plan() + " with a completed trial"
                + (unanswered == 0 ? "" : " (" + unanswered + " without any)"), actor, at);
    }

    /** Runs that do not say how many trials completed (older or other kinds of run) count as answered. */
    static boolean anyTrialCompleted(CaseDocuments.Document d) {
        try {
            JsonNode completed = Yaml.JSON.readTree(d.json()).path("completed");
            return !completed.isNumber() || completed.asLong() > 0;
        } catch (java.io.IOException | RuntimeException e) {
            return true;
        }
    }

    /** Replay runs are another module's documents; recognise the plan by the common spellings of the field. */
    static boolean isOfPlan(CaseDocuments.Document d, String plan) {
        if ("*".equals(plan)) return true;
        if (plan.equals(d.id())) return true;
        try {
            JsonNode n = Yaml.JSON.readTree(d.json());
            for (String field : List.of("planId", "plan_id", "plan")) {
                JsonNode v = n.path(field);
                if (v.isTextual() && plan.equals(v.asText())) return true;
                if (v.isObject() && plan.equals(v.path("id").asText(null))) return true;
            }
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    private static CheckResult result(boolean met, long observed, String detail, String actor, String at) {
        return new CheckResult(met ? CheckOutcome.MET : CheckOutcome.NOT_MET, observed, detail, at, actor);
    }
}
