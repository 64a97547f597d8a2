package dev.tracehound.timeline.detect;

import dev.tracehound.timeline.findings.Finding;
import java.util.List;

/**
 * What one analysis produced; {@code cancelled} when it stopped early (findings so far are saved).
 * {@code retired}: earlier, untriaged findings this complete run no longer produced (none when cancelled).
 */
public record AnalysisResult(int sessionsAnalysed, int sessionsTotal, List<Finding> findings, boolean cancelled, List<Finding> retired) {

    public AnalysisResult {
        findings = List.copyOf(findings);
        retired = List.copyOf(retired);
    }
}
