package dev.tracehound.timeline.detect;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.FindingStatus;
import dev.tracehound.timeline.session.SessionReconstructor;
import dev.tracehound.timeline.session.SessionTimeline;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.SessionSummary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Runs every detector over every session of a case, one session at a time so memory stays flat, and saves
 * the findings. Finding ids are stable, so running it again refreshes findings and keeps each one's status.
 * A complete run is the case's whole analysis: earlier findings it no longer produces (changed detector logic,
 * a removed or renamed detector, or detectors this analyzer was not given) are retired while still NEW;
 * confirmed and false-positive findings are an investigator's record and stay.
 */
public final class Analyzer {
    private final List<Detector> detectors;

    public Analyzer(List<Detector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    public static Analyzer withAllDetectors() {
        return new Analyzer(Detectors.all());
    }

    public List<Detector> detectors() {
        return detectors;
    }

    /** Pure: the findings of one session, one per id (a detector may see the same evidence twice). */
    public List<Finding> analyse(SessionTimeline session, DetectionContext context) {
        Map<String, Finding> byId = new LinkedHashMap<>();
        for (Detector d : detectors) {
            for (Finding f : d.detect(session, context)) byId.putIfAbsent(f.id(), f);
        }
        return new ArrayList<>(byId.values());
    }

    /** Analyses the whole case, saving findings session by session and auditing the run as {@code analyze}. */
    public AnalysisResult run(Case c, String actor, AnalysisListener listener, BooleanSupplier cancelled) {
        CaseBaseline baseline = new CaseBaseline();
        c.events().forEach(baseline::accept);
        DetectionContext context = DetectionContext.of(baseline);
        List<SessionSummary> sessions = c.events().sessions();
        List<Finding> all = new ArrayList<>();
        int done = 0;
        boolean stopped = false;
        for (SessionSummary s : sessions) {
            if (cancelled.getAsBoolean()) {
                stopped = true;
                break;
            }
            SessionTimeline timeline = SessionReconstructor.fromCase(c, s.sessionId(), sessions);
            List<Finding> found = analyse(timeline, context);
            if (!found.isEmpty()) c.findings().save(found);
            all.addAll(found);
            listener.sessionDone(++done, sessions.size(), s.sessionId());
        }
        List<Finding> retired = stopped ? List.of() : retireStale(c, actor, all);
        c.audit().append(actor, "analyze", auditDetails(done, sessions.size(), all, stopped, retired.size()));
        return new AnalysisResult(done, sessions.size(), all, stopped, retired);
    }

    /** Retires the NEW findings of earlier runs that this complete run did not produce again. */
    private List<Finding> retireStale(Case c, String actor, List<Finding> produced) {
        Set<String> current = new HashSet<>();
        produced.forEach(f -> current.add(f.id()));
        List<String> stale = c.findings().list().stream()
                .filter(f -> f.status() == FindingStatus.NEW && !current.contains(f.id()))
                .map(Finding::id)
                .toList();
        return c.findings().retire(stale, actor, "a complete analysis no longer produces this finding");
    }

    private String auditDetails(int done, int total, List<Finding> findings, boolean stopped, int retired) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sessions", done);
        details.put("sessionsTotal", total);
        details.put("cancelled", stopped);
        details.put("detectors", detectors.stream().map(Detector::id).toList());
        Map<String, Integer> perDetector = new TreeMap<>();
        findings.forEach(f -> perDetector.merge(f.detector(), 1, Integer::sum));
        details.put("findings", perDetector);
        details.put("retired", retired);
        try {
            return new ObjectMapper().writeValueAsString(details);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
