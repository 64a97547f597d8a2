package dev.tracehound.replay.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tracehound.replay.stats.ReproductionRate;
import java.util.List;

/**
 * A replay run as kept in the case (collection {@code replay-runs}): what was replayed against which endpoint,
 * the rule trials were counted by, the rate with its interval, and every trial. Holds the key's variable name at
 * most, never a key.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSummary(String runId, String type, String created, String callEventId, String sessionId,
        String profile, String kind, String baseUrl, String requestedModel, List<String> modelIds, String plan,
        List<String> edits, String criterion, String estimate, int trials, int completed, int failed, int cancelled,
        ReproductionRate rate, long inputTokens, long outputTokens, List<TrialResult> results) {

    @com.fasterxml.jackson.annotation.JsonProperty("summary")
    public String headline() {
        String s = rate.describe();
        if (failed > 0) s += "; " + failed + " trial" + (failed == 1 ? "" : "s") + " failed";
        if (cancelled > 0) s += "; " + cancelled + " cancelled";
        return s;
    }
}
