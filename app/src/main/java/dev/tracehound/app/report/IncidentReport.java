package dev.tracehound.app.report;

import dev.tracehound.timeline.audit.AuditEntry;
import dev.tracehound.timeline.store.CaseInfo;
import java.time.Instant;
import java.util.List;

/**
 * Everything an incident report says, gathered from a case once, so the HTML, PDF and Markdown renderings say
 * exactly the same thing. Evidence text in it is raw (hostile); each renderer escapes it for its format.
 */
public record IncidentReport(
        CaseInfo caseInfo,
        Instant generatedAt,
        String toolVersion,
        String generatedBy,
        String summary,
        Scope scope,
        List<TimelineEntry> timeline,
        List<FindingEntry> findings,
        List<Flow> flows,
        List<ReplayEntry> replays,
        List<PlaybookEntry> playbooks,
        List<EvidenceEntry> evidence,
        List<AuditEntry> audit) {

    /**
     * What the incident touched. Times in nanoseconds since the epoch over sessions with recorded times (0 when none);
     * {@code inferredTimeSessions} counts sessions whose source had no clock.
     */
    public record Scope(long events, List<String> sessions, List<String> users, List<String> models, List<String> tools,
            long startNanos, long endNanos, int inferredTimeSessions, long inputTokens, long outputTokens) {

        public String window() {
            String w = startNanos == 0 && endNanos == 0 ? "(no recorded times)"
                    : dev.tracehound.app.export.Timestamps.iso(startNanos) + " to " + dev.tracehound.app.export.Timestamps.iso(endNanos);
            return inferredTimeSessions == 0 ? w : w + "; " + inferredTimeSessions + " session(s) without recorded times (order only)";
        }

        /** The scope table (aspect, value) every report format shows. */
        public List<List<String>> rows() {
            return List.of(
                    List.of("Time window", window()),
                    List.of("Events", String.valueOf(events)),
                    List.of("Sessions (" + sessions.size() + ")", String.join(", ", sessions)),
                    List.of("Users", String.join(", ", users)),
                    List.of("Models", String.join(", ", models)),
                    List.of("Tools", String.join(", ", tools)),
                    List.of("Tokens", inputTokens + " in / " + outputTokens + " out"));
        }
    }

    /** A starred, tagged or annotated event, in time order. */
    /** A marked event; {@code timeInferred} when its time was inferred from record order, not recorded. */
    public record TimelineEntry(long timeNanos, boolean timeInferred, String eventId, String sessionId, String kind, String actor,
            String tool, String text, boolean starred, List<String> tags, List<String> notes) {

        /** The time as every report format prints it: ISO-8601, marked when inferred. */
        public String time() {
            return dev.tracehound.app.export.Timestamps.iso(timeNanos) + (timeInferred ? " (inferred)" : "");
        }
    }

    public record FindingEntry(String id, String detector, String severity, String status, List<String> atlas,
            List<String> owasp, String sessionId, String explanation, int evidenceEvents, Instant created) {}

    /** A finding with an untrusted source and the action or output it reached. */
    public record Flow(String findingId, String detector, String sourceEventId, String sourceKind, String sourceText,
            String sinkEventId, String sinkKind, String sinkText) {}

    /** A replay run read loosely from the case's {@code replay-runs} documents. */
    public record ReplayEntry(String id, String created, String model, String criterion, int trials, int completed,
            int reproduced, Double rate, Double low, Double high) {}

    /** A playbook run read loosely from the case's {@code playbook-runs} documents. */
    public record PlaybookEntry(String id, String playbookId, String title, String startedBy, String startedAt,
            int stepsDone, int stepsTotal) {}

    public record EvidenceEntry(String fileName, String sha256, long size, String format, Instant importedAt, String status) {}
}
