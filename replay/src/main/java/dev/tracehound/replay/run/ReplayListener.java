package dev.tracehound.replay.run;

/** Progress of a run, for the CLI's output and the app's TaskProgressView. Called from worker threads. */
public interface ReplayListener {
    ReplayListener NONE = new ReplayListener() {};

    default void starting(String label, TokenEstimate estimate) {}

    default void trialDone(String label, TrialResult result, int done, int total) {}
}
