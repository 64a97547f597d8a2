package dev.tracehound.timeline.session;

/**
 * What hangs under an event in a session's tree ({@link SessionTimeline#under}): a child event, or a sub-agent session
 * the event launched.
 */
public sealed interface SessionBranch permits SessionNode, SessionTimeline {}
