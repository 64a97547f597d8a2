package dev.tracehound.timeline.detect;

/** Progress of an analysis, called on the analysing thread after each session. */
@FunctionalInterface
public interface AnalysisListener {

    void sessionDone(int done, int total, String sessionId);

    AnalysisListener NONE = (done, total, sessionId) -> { };
}
