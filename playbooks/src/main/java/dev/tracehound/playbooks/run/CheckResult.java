package dev.tracehound.playbooks.run;

/**
 * The recorded result of evaluating a step's automatic check.
 *
 * @param observed what was counted (events, findings, replay runs), or -1 when nothing could be counted
 * @param detail one sentence for the checklist, such as "3 events match"
 */
public record CheckResult(CheckOutcome outcome, long observed, String detail, String at, String by) {}
