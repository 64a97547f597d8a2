package dev.tracehound.app.ui.sessions;

import dev.tracehound.timeline.findings.Severity;
import dev.tracehound.timeline.store.SessionSummary;
import java.util.Map;

/**
 * A session as the list shows it, with its finding counts by severity for the badges.
 *
 * @param findings severity → number of findings in this session
 */
public record SessionItem(SessionSummary summary, Map<Severity, Integer> findings) {

    public Severity worst() {
        return findings.keySet().stream().max(Enum::compareTo).orElse(null);
    }

    public int findingCount() {
        return findings.values().stream().mapToInt(Integer::intValue).sum();
    }
}
