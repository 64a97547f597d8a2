package dev.tracehound.app.e2e;

import dev.tracehound.playbooks.catalogue.Catalogue;
import dev.tracehound.playbooks.catalogue.CatalogueEntry;
import dev.tracehound.playbooks.format.Step;
import dev.tracehound.playbooks.run.CheckOutcome;
import dev.tracehound.playbooks.run.CheckResult;
import dev.tracehound.playbooks.run.PlaybookRun;
import dev.tracehound.playbooks.run.PlaybookRuns;
import dev.tracehound.playbooks.run.Suggester;
import dev.tracehound.playbooks.run.Suggestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehound.app.report.HtmlReportRenderer;
import dev.tracehound.app.report.IncidentReport;
import dev.tracehound.app.report.ReportBuilder;
import dev.tracehound.app.report.ReportFormat;
import dev.tracehound.app.report.ReportPackageVerifier;
import dev.tracehound.app.report.Reports;
import dev.tracehound.importers.run.ImportReport;
import dev.tracehound.importers.run.ImportRun;
import dev.tracehound.samples.SampleIncidents;
import dev.tracehound.timeline.detect.AnalysisResult;
import dev.tracehound.timeline.detect.Analyzer;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.session.SessionReconstructor;
import dev.tracehound.timeline.session.SessionTimeline;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import dev.tracehound.timeline.store.SessionSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each bundled incident, end to end: import every file with the importer its answer key names, run every detector,
 * then hold the result against the answer key: sessions reconstructed, the required detectors firing on the
 * compromised sessions, every ATLAS technique and OWASP risk of the key named by their findings, silence on the
 * benign ones, and the injection and the harmful action on the timeline in that order.
 */
class SampleIncidentsE2ETest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;

    static Stream<String> incidents() {
        return SampleIncidents.names().stream();
    }

    @ParameterizedTest
    @MethodSource("incidents")
    void answerKeyHoldsAfterImportAndAnalysis(String name) throws Exception {
        Path folder = SampleIncidents.extractTo(name, tmp.resolve("incidents"));
        JsonNode key = JSON.readTree(folder.resolve("answer-key.json").toFile());
        try (Case c = Cases.create(tmp.resolve("case"), name)) {
            for (JsonNode f : key.path("files")) {
                Path file = folder.resolve(f.path("path").asText());
                List<ImportReport> reports = new ImportRun(c, List.of(file), f.path("format").asText(), null).run();
                ImportReport r = reports.getFirst();
                assertTrue(r.ok(), name + ": import of " + file.getFileName() + ": " + r.toMap());
                assertEquals(0, r.quarantined(), name + ": nothing of a well-formed sample is quarantined: " + r.toMap());
            }
            AnalysisResult analysis = Analyzer.withAllDetectors().run(c, "e2e", (done, total, id) -> { }, () -> false);
            List<Finding> findings = analysis.findings();

            Set<String> sessions = c.events().sessions().stream().map(SessionSummary::sessionId).collect(Collectors.toSet());
            Set<String> compromised = texts(key.path("compromised_sessions"));
            Set<String> benign = texts(key.path("benign_sessions"));
            for (String s : compromised) assertTrue(sessions.contains(s), name + ": session " + s + " reconstructed; have " + sessions);
            for (String s : benign) assertTrue(sessions.contains(s), name + ": session " + s + " reconstructed; have " + sessions);

            List<String> problems = new ArrayList<>();
            // Sub-agent sessions hang under the session whose tool call launched them (session reconstruction).
            List<SessionTimeline> roots = SessionReconstructor.link(c.events().sessions().stream()
                    .map(x -> SessionReconstructor.build(x.sessionId(), c.events().session(x.sessionId()))).toList());
            for (JsonNode sub : key.path("subagents")) {
                if (!sub.has("parent_session")) continue;
                String parent = sub.path("parent_session").asText(), child = sub.path("session").asText();
                boolean linked = roots.stream().filter(r -> r.sessionId().equals(parent))
                        .anyMatch(r -> r.children().stream().anyMatch(k -> k.sessionId().equals(child)));
                if (!linked) problems.add("sub-agent session " + child + " is not linked under " + parent);
            }
            for (String detector : texts(key.path("detectors_must_fire"))) {
                boolean fired = findings.stream().anyMatch(f -> f.detector().equals(detector) && compromised.contains(f.sessionId()));
                if (!fired) problems.add("detector " + detector + " did not fire on " + compromised);
            }
            // every MITRE ATLAS technique and OWASP LLM risk the key names is named by a finding on a compromised session
            Set<String> named = new HashSet<>();
            findings.stream().filter(f -> compromised.contains(f.sessionId())).forEach(f -> { named.addAll(f.atlas()); named.addAll(f.owasp()); });
            for (String field : List.of("atlas", "owasp")) {
                for (String id : texts(key.path(field))) {
                    if (!named.contains(id)) problems.add(field + " " + id + " of the answer key is named by no finding on " + compromised);
                }
            }
            for (String s : texts(key.path("detectors_must_not_fire_on"))) {
                for (Finding f : findings) {
                    if (s.equals(f.sessionId())) problems.add("false positive on benign session " + s + ": " + f.detector() + " (" + f.severity() + ") " + f.explanation());
                }
            }
            timeline(c, key, problems);
            playbook(c, key, findings, problems);
            modelCalls(c, key, problems);
            assertTrue(problems.isEmpty(), name + ":\n  " + String.join("\n  ", problems) + "\n  all findings: "
                    + findings.stream().map(f -> f.detector() + "@" + f.sessionId()).toList());

            IncidentReport report = ReportBuilder.build(c, "e2e");
            assertEquals(key.path("files").size(), report.evidence().size(), name + ": every file in the evidence manifest");
            for (IncidentReport.EvidenceEntry e : report.evidence()) {
                Path original = folder.resolve(key.path("files").findValuesAsText("path").stream()
                        .filter(p -> p.endsWith(e.fileName())).findFirst().orElseThrow());
                assertEquals(Files.size(original), e.size());
            }
            // The report package of a real investigation verifies, and names every finding of the analysis.
            var written = Reports.write(c, ReportFormat.ZIP, null);
            assertTrue(new ReportPackageVerifier().verify(written.file()).intact(), name + ": report package verifies");
            String html = new HtmlReportRenderer().render(report);
            for (Finding f : findings) assertTrue(html.contains(f.id()), name + ": finding " + f.id() + " in the report");
            if (System.getProperty("tracehound.sampleReports") != null) {
                Path dir = Files.createDirectories(Path.of(System.getProperty("tracehound.sampleReports")));
                Files.copy(written.file(), dir.resolve(name + ".zip"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * The answer key's playbook is the first suggested, and its automatic checks run on the case without error; where
     * the playbook asks for the injected instructions, its search finds them.
     */
    private void playbook(Case c, JsonNode key, List<Finding> findings, List<String> problems) {
        String expected = key.path("playbook").asText();
        List<Suggestion> suggested = Suggester.suggest(findings, Catalogue.load(tmp.resolve("config")));
        if (suggested.isEmpty() || !suggested.getFirst().entry().playbook().id().equals(expected)) {
            problems.add("playbook " + expected + " not suggested first: " + suggested.stream().map(x -> x.entry().playbook().id()).toList());
        }
        CatalogueEntry entry = Catalogue.load(tmp.resolve("config")).get(expected);
        PlaybookRuns runs = new PlaybookRuns(c);
        PlaybookRun run = runs.check(runs.start(entry, "e2e").id(), "e2e");
        for (Step step : entry.playbook().steps()) {
            CheckResult r = step.check() == null ? null : run.state(step.id()).check();
            if (r != null && r.outcome() == CheckOutcome.ERROR) problems.add("playbook step " + step.id() + ": " + r.detail());
        }
        if (entry.playbook().step("find-carrier").isPresent() && run.state("find-carrier").check().outcome() != CheckOutcome.MET) {
            problems.add("find-carrier did not find the injected instructions: " + run.state("find-carrier").check().detail());
        }
    }

    /**
     * What replay compares with is each call's own answer, never an earlier turn it was sent back as history; and a
     * harmful tool call is the output of some model call of its session.
     */
    private static void modelCalls(Case c, JsonNode key, List<String> problems) {
        var reconstructor = new dev.tracehound.timeline.context.TimelineContextReconstructor(c.events());
        String tool = key.path("harmful_action").path("tool").asText(null);
        boolean harmfulFound = false;
        for (var ctx : reconstructor.contextsOf(key.path("harmful_action").path("session").asText())) {
            // tool call ids are unique per call, so they tell an answer from history (texts may repeat in a loop)
            Set<String> history = new HashSet<>();
            for (var part : ctx.input()) part.toolCalls().forEach(tc -> history.add(tc.id()));
            for (var part : ctx.output()) {
                for (var tc : part.toolCalls()) {
                    if (history.contains(tc.id())) problems.add("call " + ctx.callEventId() + ": its output repeats the history's tool call " + tc.name());
                    if (tc.name().equals(tool)) harmfulFound = true;
                }
            }
        }
        if (tool != null && !harmfulFound) problems.add("no model call's output calls the harmful tool " + tool);
    }

    /** The injection (when there is one) and the harmful action are in the compromised session, in that order. */
    private static void timeline(Case c, JsonNode key, List<String> problems) {
        JsonNode action = key.path("harmful_action");
        List<Event> actionSession = c.events().session(action.path("session").asText());
        String tool = action.path("tool").isNull() ? null : action.path("tool").asText(null);
        String snippet = action.path("snippet").asText();
        Event harmful = actionSession.stream()
                .filter(e -> tool == null ? (e.kind() == EventKind.MODEL_RESPONSE && contains(e, snippet))
                        : (e.kind() == EventKind.TOOL_CALL && tool.equals(e.toolName()) && contains(e, snippet)))
                .findFirst().orElse(null);
        if (harmful == null) {
            problems.add("harmful action (" + tool + " with '" + snippet + "') not found in session " + action.path("session").asText());
            return;
        }
        JsonNode source = key.path("injection_source");
        if (source.isNull()) return;
        String injectionSnippet = source.path("snippet").asText();
        Event injection = c.events().session(source.path("session").asText()).stream()
                .filter(e -> contains(e, injectionSnippet)).findFirst().orElse(null);
        if (injection == null) {
            problems.add("injection text '" + injectionSnippet + "' not found in session " + source.path("session").asText());
        } else if (injection.startNanos() > harmful.startNanos()) {
            problems.add("injection at " + injection.startNanos() + " after the harmful action at " + harmful.startNanos());
        }
    }

    private static boolean contains(Event e, String snippet) {
        return (e.text() != null && e.text().contains(snippet)) || (e.payloadJson() != null && e.payloadJson().contains(snippet));
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> s = new HashSet<>();
        array.forEach(n -> s.add(n.asText()));
        return s;
    }
}
