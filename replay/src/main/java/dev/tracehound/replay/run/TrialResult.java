package dev.tracehound.replay.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tracehound.replay.compare.TrialComparison;
import java.util.List;

/**
 * One trial as stored in a run summary: timing, model id and usage per trial live here (artefacts are
 * content-addressed, so identical request or response bytes are stored once and shared by trials). {@code error} is set for failed trials (timeouts, HTTP errors, malformed
 * responses), which are counted apart and never as reproductions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrialResult(int trial, String status, String error, Integer httpStatus, long durationMillis, int attempts,
        List<String> waits, String modelId, Long inputTokens, Long outputTokens, String finishReason, String text,
        List<ToolCallView> toolCalls, TrialComparison comparison, String requestArtifact, String responseArtifact,
        String started) {

    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    public boolean ok() {
        return OK.equals(status);
    }

    public boolean reproduces() {
        return ok() && comparison != null && comparison.reproduces();
    }

    /** A tool call as shown in summaries: name and argument JSON text. */
    public record ToolCallView(String id, String name, String arguments) {}
}
