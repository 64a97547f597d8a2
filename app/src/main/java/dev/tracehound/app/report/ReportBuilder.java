package dev.tracehound.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehound.app.AppVersion;
import dev.tracehound.app.report.IncidentReport.EvidenceEntry;
import dev.tracehound.app.report.IncidentReport.FindingEntry;
import dev.tracehound.app.report.IncidentReport.Flow;
import dev.tracehound.app.report.IncidentReport.PlaybookEntry;
import dev.tracehound.app.report.IncidentReport.QuarantinedFile;
import dev.tracehound.app.report.IncidentReport.ReplayEntry;
import dev.tracehound.app.report.IncidentReport.Scope;
import dev.tracehound.app.report.IncidentReport.TimelineEntry;
import dev.tracehound.timeline.annotate.Annotations;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventFlag;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.CaseDocuments;
import dev.tracehound.timeline.store.SessionSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Gathers an {@link IncidentReport} from a case. Reads only; writing the report is the caller's (audited) job. */
public final class ReportBuilder {
    /** Evidence text shown per timeline entry or flow end; the evidence file holds the rest. */
    static final int EXCERPT_CHARS = 1_200;
    /** Quarantined records listed per evidence file; the case holds the rest, and the report says how many. */
    static final int QUARANTINE_LISTED = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Sources without clocks get times inferred as the epoch plus a microsecond per record (importers' InferredTimes);
     * sessions that end within the epoch's first day are those, and stay out of the time window.
     */
    static final long INFERRED_BEFORE = dev.tracehound.app.format.TimeFormat.INFERRED_BEFORE;

    private ReportBuilder() {}

    public static IncidentReport build(Case c, String generatedBy) {
        List<EvidenceEntry> evidence = evidence(c);
        return new IncidentReport(c.info(), Instant.now(), AppVersion.get(), generatedBy,
                ReportSummary.get(c).orElse(""), scope(c), timeline(c), findings(c), flows(c), replays(c.documents()),
                playbooks(c.documents()), evidence, quarantine(c, evidence, QUARANTINE_LISTED), c.audit().entries());
    }

    static Scope scope(Case c) {
        List<SessionSummary> sessions = c.events().sessions();
        TreeSet<String> models = new TreeSet<>(), tools = new TreeSet<>();
        long start = Long.MAX_VALUE, end = Long.MIN_VALUE, in = 0, out = 0;
        int inferred = 0;
        for (SessionSummary s : sessions) {
            models.addAll(s.models());
            tools.addAll(s.tools());
            in += s.inputTokens();
            out += s.outputTokens();
            if (s.endNanos() < INFERRED_BEFORE) {
                inferred++;
                continue;
            }
            start = Math.min(start, s.startNanos());
            end = Math.max(end, s.endNanos());
        }
        boolean any = start != Long.MAX_VALUE;
        List<String> users = List.of();
        long count = c.events().count();
        if (count > 0) users = List.copyOf(c.search().facet("kind:USER_MESSAGE", "actor", 50).keySet());
        return new Scope(count, sessions.stream().map(SessionSummary::sessionId).sorted().toList(), users,
                List.copyOf(models), List.copyOf(tools), any ? start : 0, any ? end : 0, inferred, in, out);
    }

    static List<TimelineEntry> timeline(Case c) {
        Map<String, Annotations> marks = new HashMap<>();
        for (Annotations a : c.annotations().all()) {
            if (a.starred() || !a.tags().isEmpty() || !a.notes().isEmpty()) marks.put(a.targetId(), a);
        }
        List<TimelineEntry> entries = new ArrayList<>();
        for (Event e : c.events().get(List.copyOf(marks.keySet()))) {
            Annotations a = marks.get(e.eventId());
            entries.add(new TimelineEntry(e.startNanos(), e.has(EventFlag.TIME_INFERRED), e.eventId(), e.sessionId(), e.kind().name(), e.actor(),
                    e.toolName(), excerpt(e.text()), a.starred(), a.tags().stream().sorted().toList(), a.notes()));
        }
        entries.sort(Comparator.comparingLong(TimelineEntry::timeNanos).thenComparing(TimelineEntry::eventId));
        return entries;
    }

    static List<FindingEntry> findings(Case c) {
        return c.findings().list().stream()
                .sorted(Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::detector).thenComparing(Finding::id))
                .map(f -> new FindingEntry(f.id(), f.detector(), f.severity().name(), f.status().name(), f.atlas(),
                        f.owasp(), f.sessionId(), f.explanation(), f.eventIds().size(), f.created()))
                .toList();
    }

    static List<Flow> flows(Case c) {
        List<Flow> flows = new ArrayList<>();
        for (Finding f : c.findings().list()) {
            if (f.sourceEventId() == null || f.sinkEventId() == null) continue;
            Optional<Event> src = c.events().get(f.sourceEventId());
            Optional<Event> sink = c.events().get(f.sinkEventId());
            flows.add(new Flow(f.id(), f.detector(), f.sourceEventId(), src.map(e -> e.kind().name()).orElse("?"),
                    src.map(e -> excerpt(e.text())).orElse("(event not in the case)"), f.sinkEventId(),
                    sink.map(e -> e.kind().name()).orElse("?"), sink.map(e -> excerpt(e.text())).orElse("(event not in the case)")));
        }
        return flows;
    }

    /** Replay runs as the replay module stores them; read field by field so other writers' documents still show. */
    static List<ReplayEntry> replays(CaseDocuments docs) {
        List<ReplayEntry> out = new ArrayList<>();
        for (CaseDocuments.Document d : docs.list("replay-runs")) {
            JsonNode n = parse(d.json());
            JsonNode rate = n.path("rate");
            String model = n.path("requestedModel").asText(n.path("model").asText(""));
            out.add(new ReplayEntry(n.path("runId").asText(d.id()), n.path("created").asText(""), model,
                    n.path("criterion").asText(""), n.path("trials").asInt(), n.path("completed").asInt(rate.path("completed").asInt()),
                    rate.path("reproduced").asInt(n.path("reproduced").asInt()), number(rate, "rate", n.path("reproductionRate")),
                    number(rate, "low", null), number(rate, "high", null)));
        }
        return out;
    }

    static List<PlaybookEntry> playbooks(CaseDocuments docs) {
        List<PlaybookEntry> out = new ArrayList<>();
        for (CaseDocuments.Document d : docs.list("playbook-runs")) {
            JsonNode n = parse(d.json());
            int total = 0;
            for (JsonNode phase : n.path("playbook").path("phases")) total += phase.size();
            int done = 0;
            for (JsonNode step : n.path("steps")) if (step.path("done").asBoolean()) done++;
            out.add(new PlaybookEntry(n.path("id").asText(d.id()), n.path("playbookId").asText(""),
                    n.path("playbook").path("title").asText(n.path("playbookId").asText("")), n.path("startedBy").asText(""),
                    n.path("startedAt").asText(""), done, Math.max(total, n.path("steps").size())));
        }
        return out;
    }

    static List<EvidenceEntry> evidence(Case c) {
        List<EvidenceEntry> out = new ArrayList<>();
        // nothing imported is dropped silently, so the manifest says what each file's import set aside
        Map<String, Long> quarantined = c.evidence().quarantinedRecords();
        for (EvidenceRecord r : c.evidence().list()) {
            String name = fileName(r.originalPath());
            long q = quarantined.getOrDefault(r.sha256(), 0L);
            String status = r.status() + (q == 0 ? "" : ", " + q + (q == 1 ? " record" : " records") + " quarantined");
            out.add(new EvidenceEntry(name, r.sha256(), r.size(), r.format(), r.importedAt(), status));
        }
        out.sort(Comparator.comparing(EvidenceEntry::importedAt, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(EvidenceEntry::sha256));
        return out;
    }

    /**
     * Per evidence file with quarantined records, in the manifest's order: the first {@code listed} records and the
     * count of all, so a reader sees what the analysis left out and why.
     */
    static List<QuarantinedFile> quarantine(Case c, List<EvidenceEntry> evidence, int listed) {
        Map<String, Long> counts = c.evidence().quarantinedRecords();
        List<QuarantinedFile> out = new ArrayList<>();
        for (EvidenceEntry e : evidence) {
            long total = counts.getOrDefault(e.sha256(), 0L);
            if (total > 0) out.add(new QuarantinedFile(e.fileName(), e.sha256(), total, c.evidence().quarantined(e.sha256(), listed)));
        }
        return out;
    }

    /** The last path segment, for either separator; original paths come from other machines. */
    static String fileName(String path) {
        if (path == null) return "";
        int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(cut + 1);
    }

    static String excerpt(String text) {
        if (text == null) return "";
        return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + " […]";
    }

    private static Double number(JsonNode n, String field, JsonNode fallback) {
        JsonNode v = n.path(field);
        if (v.isNumber()) return v.asDouble();
        return fallback != null && fallback.isNumber() ? fallback.asDouble() : null;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }
}
