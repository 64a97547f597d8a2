package dev.tracehound.timeline.detect;

import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.Severity;
import dev.tracehound.timeline.session.SessionTimeline;
import java.util.List;

/**
 * One deterministic check over a reconstructed session. Detectors only read; the {@link Analyzer} stores
 * what they return.
 */
public interface Detector {

    /** Stable id, part of every finding id, for example {@code indirect-prompt-injection}. */
    String id();

    /** The usual severity; single findings may be rated higher or lower with their reason. */
    Severity severity();

    /** MITRE ATLAS technique ids (5.6.0) this detector looks for. */
    List<String> atlas();

    /** OWASP Top 10 for LLM Applications 2025 ids. */
    List<String> owasp();

    /** One line saying what the detector looks for. */
    String description();

    List<Finding> detect(SessionTimeline session, DetectionContext context);
}
