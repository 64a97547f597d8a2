package dev.tracehound.timeline.audit;

import java.util.List;

/**
 * Result of recomputing every evidence hash and the audit chain.
 *
 * @param problems human-readable findings, the first broken link first; empty when intact
 */
public record VerifyReport(int evidenceFiles, long auditEntries, List<String> problems) {
    public boolean intact() {
        return problems.isEmpty();
    }
}
