package dev.tracehound.app.report;

import dev.tracehound.app.format.Texts;
import dev.tracehound.timeline.audit.AuditEntry;
import dev.tracehound.timeline.evidence.QuarantinedRecord;
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
        List<QuarantinedFile> quarantine,
        List<AuditEntry> audit) {

    /** What the quarantine section says when no evidence file had a record set aside. */
    public static final String NO_QUARANTINE = "No records were quarantined: every record read from the evidence files entered the case.";
    /** What the quarantine section says first, for a reader who has not met the word. */
    public static final String QUARANTINE_INTRO = "Records of the evidence files that could not be read into the case, so the analysis"
            + " did not see them: where each is in its file, why it was set aside, and its first characters.";

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

    /**
     * The records of one evidence file its import set aside (quarantined): the first {@code listed} in the order they
     * were read, and how many there are in all. Locators, reasons and excerpts are evidence text (hostile).
     */
    public record QuarantinedFile(String fileName, String sha256, long total, List<QuarantinedRecord> listed) {
        /** Characters of a record's reason, excerpt and locator the report prints, each on one line; the case keeps them whole. */
        static final int REASON_CHARS = 400, EXCERPT_CHARS = 200, LOCATOR_CHARS = 200;

        /**
         * (locator, reason, excerpt) for each listed record as every format prints them: one line each, direction
         * controls shown as markers, cut short ({@link Texts#oneLine}); each format still escapes them.
         */
        public List<List<String>> rows() {
            return listed.stream().map(q -> List.of(Texts.oneLine(q.locator(), LOCATOR_CHARS), Texts.oneLine(q.reason(), REASON_CHARS),
                    Texts.oneLine(q.excerpt(), EXCERPT_CHARS))).toList();
        }

        /** The line after the list when the report leaves records out, else null. */
        public String unlisted() {
            long more = total - listed.size();
            if (more <= 0) return null;
            return "…and " + more + " more " + (more == 1 ? "record" : "records") + " of this file, not listed here: the report lists"
                    + " the first " + listed.size() + "; the case holds all " + total + ".";
        }
    }

    public record EvidenceEntry(String fileName, String sha256, long size, String format, Instant importedAt, String status) {}
}
