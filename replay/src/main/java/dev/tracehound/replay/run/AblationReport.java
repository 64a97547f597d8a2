package dev.tracehound.replay.run;

import java.util.Locale;

/** A plan with edits run beside its baseline: both rates and the change the edits made. */
public record AblationReport(RunSummary baseline, RunSummary edited) {

    /** Edited rate minus baseline rate, in [-1, 1]. */
    @com.fasterxml.jackson.annotation.JsonProperty("difference")
    public double difference() {
        return edited.rate().rate() - baseline.rate().rate();
    }

    @com.fasterxml.jackson.annotation.JsonProperty("summary")
    public String describe() {
        return String.format(Locale.ROOT, "baseline: %s%nwith edits (%s): %s%ndifference: %+.0f percentage points (%d/%d -> %d/%d)",
                baseline.headline(), String.join("; ", edited.edits()), edited.headline(), difference() * 100,
                baseline.rate().reproduced(), baseline.rate().completed(), edited.rate().reproduced(), edited.rate().completed());
    }
}
