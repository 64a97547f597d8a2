package dev.tracehound.timeline.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.Severity;
import dev.tracehound.timeline.session.SessionReconstructor;
import dev.tracehound.timeline.testing.ChatFixture;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The detectors against the real labelled corpus in ../shared/corpus (ASB runs, tau-bench benign runs),
 * converted with {@link ChatFixture}. Guards the measured figures the eval command reports.
 */
class CorpusDetectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Analyzer analyzer = Analyzer.withAllDetectors();
    private final DetectionContext context = DetectionContext.of(CaseBaseline.empty());

    static Path corpus() {
        return Path.of(System.getProperty("tracehound.shared", "../../shared"), "corpus");
    }

    record Counts(int sessions, int injection, int compromised, int tp, int fp, int fn, int highFp) {}

    private Map<String, Object> runAsb(String scenario, Map<String, Integer> perDetector) throws Exception {
        Map<String, JsonNode> labels = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(corpus().resolve("asb/asb-" + scenario + ".labels.jsonl"))) {
            for (String line; (line = r.readLine()) != null; ) if (!line.isBlank()) { JsonNode n = JSON.readTree(line); labels.put(n.get("id").asText(), n); }
        }
        int sessions = 0, inj = 0, tp = 0, fp = 0, fn = 0;
        try (BufferedReader r = Files.newBufferedReader(corpus().resolve("asb/asb-" + scenario + ".jsonl"))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode n = JSON.readTree(line);
                String id = n.get("id").asText();
                List<Event> events = ChatFixture.events(id, n.get("messages"), "a".repeat(64));
                List<Finding> f = analyzer.analyse(SessionReconstructor.build(id, events), context);
                f.forEach(x -> perDetector.merge(scenario + "/" + x.detector(), 1, Integer::sum));
                SessionVerdict v = SessionVerdict.of(f);
                sessions++;
                if (v.injectionAttempt()) inj++;
                boolean truth = labels.get(id).get("attack_successful").asBoolean();
                if (v.compromised() && truth) tp++;
                if (v.compromised() && !truth) fp++;
                if (!v.compromised() && truth) fn++;
            }
        }
        return Map.of("sessions", sessions, "injection", inj, "tp", tp, "fp", fp, "fn", fn);
    }

    @Test
    void asbAndTauBenchMeetTheTargets() throws Exception {
        Map<String, Integer> perDetector = new TreeMap<>();
        Map<String, Map<String, Object>> results = new TreeMap<>();
        for (String s : List.of("indirect-injection", "direct-injection", "memory-poisoning", "clean")) results.put(s, runAsb(s, perDetector));
        JsonNode tau = JSON.readTree(corpus().resolve("tau-bench/gpt-4o-airline.json").toFile());
        int tauSessions = 0, tauHigh = 0, tauAny = 0;
        for (JsonNode run : tau) {
            String id = "tau-" + run.get("task_id").asText() + "-" + tauSessions;
            List<Event> events = ChatFixture.events(id, run.get("traj"), "b".repeat(64));
            List<Finding> f = analyzer.analyse(SessionReconstructor.build(id, events), context);
            f.forEach(x -> perDetector.merge("tau/" + x.detector() + "/" + x.severity(), 1, Integer::sum));
            tauSessions++;
            if (f.stream().anyMatch(x -> x.severity().atLeast(Severity.HIGH))) tauHigh++;
            if (SessionVerdict.of(f).injectionAttempt()) tauAny++;
            f.stream().filter(x -> x.severity().atLeast(Severity.HIGH)).forEach(x -> System.out.println("TAU HIGH " + x.detector() + " " + x.explanation()));
        }
        System.out.println(results);
        System.out.println(perDetector);
        System.out.println("tau sessions " + tauSessions + " high " + tauHigh + " injection " + tauAny);

        Map<String, Object> ind = results.get("indirect-injection");
        int tp = (int) ind.get("tp"), fp = (int) ind.get("fp"), fn = (int) ind.get("fn");
        double precision = tp / (double) Math.max(1, tp + fp), recall = tp / (double) Math.max(1, tp + fn);
        int attempts = 0, attackSessions = 0;
        for (String s : List.of("indirect-injection", "direct-injection", "memory-poisoning")) {
            attempts += (int) results.get(s).get("injection");
            attackSessions += (int) results.get(s).get("sessions");
        }
        assertTrue(precision >= 0.90, "compromise precision " + precision);
        assertTrue(recall >= 0.90, "compromise recall " + recall);
        assertTrue(attempts / (double) attackSessions >= 0.95, "injection recall " + attempts + "/" + attackSessions);
        assertTrue(tauHigh <= 0.02 * tauSessions, "tau high/critical " + tauHigh);
    }
}
