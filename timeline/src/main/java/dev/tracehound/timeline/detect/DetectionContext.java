package dev.tracehound.timeline.detect;

import dev.tracehound.timeline.provenance.SessionProvenance;
import dev.tracehound.timeline.session.SessionTimeline;
import java.time.Clock;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What detectors share while one analysis runs: the case baseline, the clock for finding timestamps, and the
 * provenance of the session being analysed (computed once, read by several detectors).
 */
public final class DetectionContext {
    private final CaseBaseline baseline;
    private final Clock clock;
    private final Map<SessionTimeline, SessionProvenance> provenance = new IdentityHashMap<>();

    public DetectionContext(CaseBaseline baseline, Clock clock) {
        this.baseline = baseline;
        this.clock = clock;
    }

    public static DetectionContext of(CaseBaseline baseline) {
        return new DetectionContext(baseline, Clock.systemUTC());
    }

    public CaseBaseline baseline() {
        return baseline;
    }

    public Instant now() {
        return clock.instant();
    }

    public SessionProvenance provenance(SessionTimeline session) {
        if (provenance.size() > 8) provenance.clear(); // sessions stream through; keep memory flat
        return provenance.computeIfAbsent(session, SessionProvenance::of);
    }
}
