package dev.tracehound.replay.compare;

import java.util.List;

/**
 * How one trial's answer compares with the recorded one.
 *
 * @param sameTools every tool call that matters in the original has a trial call of the same tool
 * @param argumentsAlike those calls also have alike arguments (see {@link JsonDiff})
 * @param differingPaths argument paths that differ, prefixed with the tool name ({@code send_email $.to})
 * @param reason one line saying why the trial does or does not reproduce
 */
public record TrialComparison(boolean reproduces, boolean sameTools, boolean argumentsAlike, List<String> differingPaths,
        boolean refusal, double textJaccard, double textLevenshtein, List<String> toolsCalled, String reason) {}
