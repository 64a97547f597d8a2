package dev.tracehound.timeline.findings;

import java.time.Instant;
import java.util.List;

/**
 * What a detector flagged. The id is stable over re-analysis (detector + evidence events), so an
 * investigator's status survives running the detectors again.
 *
 * @param atlas MITRE ATLAS technique ids, for example {@code AML.T0051.001}
 * @param owasp OWASP LLM Top 10 2025 ids, for example {@code LLM01}
 * @param eventIds the evidence, in time order
 * @param sourceEventId for flows: the untrusted input where it started, else null
 * @param sinkEventId for flows: the action or output where it ended, else null
 */
public record Finding(
        String id,
        String detector,
        Severity severity,
        List<String> atlas,
        List<String> owasp,
        String sessionId,
        List<String> eventIds,
        String explanation,
        FindingStatus status,
        String sourceEventId,
        String sinkEventId,
        Instant created) {

    public Finding {
        atlas = List.copyOf(atlas);
        owasp = List.copyOf(owasp);
        eventIds = List.copyOf(eventIds);
        if (status == null) status = FindingStatus.NEW;
    }
}
