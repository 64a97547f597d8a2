package dev.tracehound.timeline.detect;

import dev.tracehound.timeline.findings.Finding;
import java.util.List;

/** What one analysis produced; {@code cancelled} when it stopped early (findings so far are saved). */
public record AnalysisResult(int sessionsAnalysed, int sessionsTotal, List<Finding> findings, boolean cancelled) {

    public AnalysisResult {
        findings = List.copyOf(findings);
    }
}
