package dev.tracehound.playbooks;

import dev.tracehound.timeline.detect.Detector;
import dev.tracehound.timeline.detect.Detectors;
import java.util.List;

/**
 * The detector ids playbooks may name in checks and references: exactly the ids of {@link Detectors#all()}.
 * Read from the detectors themselves so a renamed or added detector can never drift from what playbooks accept.
 */
public final class DetectorIds {
    private DetectorIds() {}

    /** Every built-in detector id, in the order {@link Detectors#all()} lists them. */
    public static final List<String> ALL = Detectors.all().stream().map(Detector::id).toList();

    public static boolean isKnown(String id) {
        return ALL.contains(id);
    }
}
