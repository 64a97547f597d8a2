package dev.tracehound.replay.compare;

import dev.tracehound.replay.plan.CriterionSettings;
import dev.tracehound.replay.wire.ReplyToolCall;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a trial reproduces the recorded behaviour, and says how in {@link #describe()} so every summary
 * states the rule it was counted by:
 * <ul>
 *   <li>the original called tools: each original call (or each call of the one tool the plan names) must have a
 *       trial call of the same tool, with alike arguments unless the plan ignores arguments;</li>
 *   <li>the original refused: the trial refuses too;</li>
 *   <li>otherwise: the trial does not refuse and its text reaches the token-Jaccard threshold.</li>
 * </ul>
 */
public final class ReproductionCriterion {
    private final Behaviour original;
    private final CriterionSettings settings;
    private final List<ReplyToolCall> targetCalls;

    public ReproductionCriterion(Behaviour original, CriterionSettings settings) {
        this.original = original;
        this.settings = settings == null ? CriterionSettings.DEFAULTS : settings;
        this.targetCalls = this.settings.tool() == null ? original.toolCalls()
                : original.toolCalls().stream().filter(c -> this.settings.tool().equals(c.name())).toList();
    }

    public Behaviour original() {
        return original;
    }

    private boolean toolMode() {
        return !targetCalls.isEmpty() || settings.tool() != null;
    }

    public String describe() {
        if (toolMode()) {
            List<String> names = settings.tool() != null ? List.of(settings.tool()) : original.toolNames();
            return "the trial calls " + String.join(", ", new java.util.LinkedHashSet<>(names))
                    + (settings.argumentsMatter() ? " with alike arguments (JSON compared by value: key order, whitespace and number format ignored)" : " (arguments not compared)")
                    + " as the original did";
        }
        if (original.refusal()) return "the trial refuses, as the original did (refusal phrases or provider refusal flag)";
        return String.format(Locale.ROOT, "the trial answers in text with token-Jaccard similarity >= %.2f to the original and does not refuse", settings.threshold());
    }

    public TrialComparison compare(Behaviour trial) {
        double jaccard = TextSimilarity.jaccard(original.text(), trial.text());
        double lev = TextSimilarity.levenshtein(original.text(), trial.text());
        List<String> called = trial.toolNames();
        if (toolMode()) {
            if (targetCalls.isEmpty()) {
                // The plan names a tool the original never called: reproducing means calling it at all.
                boolean hit = called.contains(settings.tool());
                return new TrialComparison(hit, hit, hit, List.of(), trial.refusal(), jaccard, lev, called,
                        hit ? "called " + settings.tool() : "did not call " + settings.tool());
            }
            Set<Integer> used = new HashSet<>();
            boolean sameTools = true;
            boolean argsAlike = true;
            List<String> paths = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (ReplyToolCall want : targetCalls) {
                int bestIndex = -1;
                List<String> bestDiff = null;
                for (int i = 0; i < trial.toolCalls().size(); i++) {
                    ReplyToolCall got = trial.toolCalls().get(i);
                    if (used.contains(i) || !want.name().equals(got.name())) continue;
                    List<String> d = JsonDiff.diff(want.argumentsJson(), got.argumentsJson());
                    if (bestDiff == null || d.size() < bestDiff.size()) {
                        bestDiff = d;
                        bestIndex = i;
                    }
                }
                if (bestIndex < 0) {
                    sameTools = false;
                    argsAlike = false;
                    missing.add(want.name());
                    continue;
                }
                used.add(bestIndex);
                if (!bestDiff.isEmpty()) {
                    argsAlike = false;
                    bestDiff.forEach(p -> paths.add(want.name() + " " + p));
                }
            }
            boolean reproduces = sameTools && (argsAlike || !settings.argumentsMatter());
            String reason = !sameTools ? "did not call " + String.join(", ", missing)
                    + (called.isEmpty() ? " (no tool calls)" : " (called " + String.join(", ", called) + ")")
                    : argsAlike ? "same tool calls with alike arguments"
                    : "same tools, arguments differ at " + String.join(", ", paths)
                            + (settings.argumentsMatter() ? "" : " (ignored)");
            return new TrialComparison(reproduces, sameTools, argsAlike, List.copyOf(paths), trial.refusal(), jaccard, lev, called, reason);
        }
        if (original.refusal()) {
            return new TrialComparison(trial.refusal(), called.isEmpty(), true, List.of(), trial.refusal(), jaccard, lev, called,
                    trial.refusal() ? "refused, as the original did" : "did not refuse");
        }
        boolean similar = jaccard >= settings.threshold();
        boolean reproduces = similar && !trial.refusal();
        String reason = trial.refusal() ? "refused where the original answered"
                : String.format(Locale.ROOT, "text similarity %.2f %s threshold %.2f", jaccard, similar ? ">=" : "<", settings.threshold());
        return new TrialComparison(reproduces, called.isEmpty(), true, List.of(), trial.refusal(), jaccard, lev, called, reason);
    }
}
