package dev.tracehound.replay.chain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A chain replay: every step the model took, each tool call it made and the recording that answered it, and the
 * divergence point (the first call with no recorded counterpart), if any. No tool is ever executed; an
 * unmatched call is recorded here and the chain stops.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainReport(String runId, String type, String created, String sessionId, String startCallEventId,
        String profile, String model, List<Step> steps, Divergence divergence, String outcome, int toolsExecuted) {

    public record Step(int step, String status, String error, String text, List<Call> toolCalls, String modelId,
            String requestArtifact, String responseArtifact) {}

    /** A call the model made; {@code answeredBy} is the recorded call id whose result was returned, null if none. */
    public record Call(String name, String arguments, String answeredBy, String resultEventId) {}

    /** Where the replayed run left the recorded one. */
    public record Divergence(int step, String toolName, String arguments, String reason) {}
}
