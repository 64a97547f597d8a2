package dev.tracehound.timeline.detect;

import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.FindingStatus;
import dev.tracehound.timeline.findings.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;

/** Builds findings with ids that survive re-analysis: a hash of the detector id and the sorted evidence event ids. */
public final class Findings {
    private Findings() {}

    public static String id(String detectorId, List<String> eventIds) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(detectorId.getBytes(StandardCharsets.UTF_8));
            for (String id : new TreeSet<>(eventIds)) {
                md.update((byte) 0);
                md.update(id.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** A finding of {@code detector}; evidence ids keep the given (timeline) order, duplicates and nulls dropped. */
    public static Finding of(Detector detector, Severity severity, List<String> atlas, String sessionId, List<String> eventIds,
            String explanation, String sourceEventId, String sinkEventId, DetectionContext context) {
        return of(detector, severity, atlas, detector.owasp(), sessionId, eventIds, explanation, sourceEventId, sinkEventId, context);
    }

    /** As above, with the OWASP ids this finding's evidence supports (a subset or extension of the detector's usual ones). */
    public static Finding of(Detector detector, Severity severity, List<String> atlas, List<String> owasp, String sessionId, List<String> eventIds,
            String explanation, String sourceEventId, String sinkEventId, DetectionContext context) {
        List<String> evidence = new ArrayList<>(new LinkedHashSet<>(eventIds.stream().filter(java.util.Objects::nonNull).toList()));
        return new Finding(id(detector.id(), evidence), detector.id(), severity, atlas, owasp, sessionId, evidence,
                explanation, FindingStatus.NEW, sourceEventId, sinkEventId, context.now());
    }

    /** The session a finding belongs to: the session of its key event (a sub-agent's), else the analysed one. */
    public static String sessionOf(dev.tracehound.timeline.event.Event keyEvent, dev.tracehound.timeline.session.SessionTimeline analysed) {
        return keyEvent != null && keyEvent.sessionId() != null ? keyEvent.sessionId() : analysed.sessionId();
    }

    /** Where untrusted content came from, for an explanation: "tool output of fetch_page", "retrieved document". */
    public static String origin(dev.tracehound.timeline.event.Event e) {
        return e.trust().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + (e.toolName() != null ? " of " + e.toolName() : "");
    }

    /** Quotes evidence text for an explanation: one line, bounded, so a finding never carries a whole document. */
    public static String quote(String text, int max) {
        if (text == null) return "\"\"";
        String s = text.replaceAll("\\s+", " ").strip();
        return "\"" + (s.length() > max ? s.substring(0, max) + "…" : s) + "\"";
    }
}
