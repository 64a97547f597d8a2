package dev.tracehound.timeline.detect;

import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.session.SessionReconstructor;
import dev.tracehound.timeline.testing.Ev;
import java.util.List;

/** Runs one detector over a session built with {@link Ev}. */
final class DetectorTestSupport {
    private DetectorTestSupport() {}

    static List<Finding> run(Detector d, Ev session) {
        return run(d, session, CaseBaseline.empty());
    }

    static List<Finding> run(Detector d, Ev session, CaseBaseline baseline) {
        return d.detect(SessionReconstructor.build(session.session(), session.events()), DetectionContext.of(baseline));
    }
}
