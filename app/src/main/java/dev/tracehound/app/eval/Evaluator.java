package dev.tracehound.app.eval;

import dev.tracehound.importers.run.ImportReport;
import dev.tracehound.importers.run.ImportRun;
import dev.tracehound.timeline.audit.Actors;
import dev.tracehound.timeline.detect.AnalysisResult;
import dev.tracehound.timeline.detect.Analyzer;
import dev.tracehound.timeline.detect.Detector;
import dev.tracehound.timeline.detect.SessionVerdict;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.Severity;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import dev.tracehound.timeline.store.SessionSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Imports a labelled corpus into a fresh case with the {@code chat} importer, runs every detector, and
 * scores the findings against the labels. Nothing is special-cased for the corpus: it goes through the same
 * import and analysis an investigator's case does.
 */
public final class Evaluator {
    private final Analyzer analyzer;

    public Evaluator(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    public EvalReport run(Path corpus, Path caseDir, Consumer<String> progress) {
        List<EvalDataset> datasets = CorpusLayout.scan(corpus);
        try (Case c = Cases.create(caseDir, "eval of " + corpus.getFileName())) {
            Map<String, EvalDataset> byEvidence = importAll(c, datasets, progress);
            progress.accept("analysing " + c.events().sessions().size() + " sessions");
            AnalysisResult result = analyzer.run(c, Actors.current(), (done, total, id) -> {
                if (done % 200 == 0) progress.accept("analysed " + done + "/" + total);
            }, () -> false);
            return score(c, byEvidence, result.findings(), datasets);
        }
    }

    private static Map<String, EvalDataset> importAll(Case c, List<EvalDataset> datasets, Consumer<String> progress) {
        Map<String, EvalDataset> byEvidence = new HashMap<>();
        for (EvalDataset d : datasets) {
            progress.accept("importing " + d.file());
            List<ImportReport> reports = new ImportRun(c, List.of(d.file()), "chat", null).run();
            for (ImportReport r : reports) {
                if (!r.ok()) throw new IllegalArgumentException("could not import " + r.file() + ": " + r.error());
                byEvidence.put(r.evidenceSha256(), d);
            }
        }
        return byEvidence;
    }

    private EvalReport score(Case c, Map<String, EvalDataset> byEvidence, List<Finding> findings, List<EvalDataset> datasets) {
        Map<String, List<Finding>> bySession = new HashMap<>();
        for (Finding f : findings) bySession.computeIfAbsent(f.sessionId(), k -> new ArrayList<>()).add(f);

        Confusion injection = new Confusion();
        Confusion compromise = new Confusion();
        Map<String, Confusion> injectionByScenario = new LinkedHashMap<>();
        Map<String, Confusion> compromiseByScenario = new LinkedHashMap<>();
        Map<String, Confusion> perDetector = new LinkedHashMap<>();
        for (Detector d : analyzer.detectors()) perDetector.put(d.id(), new Confusion());
        int sessions = 0, unlabelled = 0, benign = 0, benignHigh = 0;
        Map<String, Map<String, Integer>> fired = new java.util.TreeMap<>();
        Map<String, Integer> perScenario = new java.util.TreeMap<>();

        for (SessionSummary s : c.events().sessions()) {
            List<Event> events = c.events().session(s.sessionId());
            EvalDataset d = events.isEmpty() ? null : byEvidence.get(events.get(0).evidenceSha256());
            SessionLabel label = d == null ? null : d.labelOf(s.sessionId());
            if (label == null) {
                unlabelled++;
                continue;
            }
            sessions++;
            List<Finding> found = bySession.getOrDefault(s.sessionId(), List.of());
            SessionVerdict v = SessionVerdict.of(found);
            perScenario.merge(label.scenario(), 1, Integer::sum);
            found.stream().map(Finding::detector).distinct()
                    .forEach(det -> fired.computeIfAbsent(det, k -> new java.util.TreeMap<>()).merge(label.scenario(), 1, Integer::sum));
            injection.add(v.injectionAttempt(), label.injection());
            compromise.add(v.compromised(), label.compromised());
            injectionByScenario.computeIfAbsent(label.scenario(), k -> new Confusion()).add(v.injectionAttempt(), label.injection());
            compromiseByScenario.computeIfAbsent(label.scenario(), k -> new Confusion()).add(v.compromised(), label.compromised());
            for (Map.Entry<String, Confusion> e : perDetector.entrySet()) {
                boolean hit = found.stream().anyMatch(f -> f.detector().equals(e.getKey()));
                e.getValue().add(hit, questionOf(e.getKey()).equals("compromised") ? label.compromised() : label.injection());
            }
            if (d.benignBaseline()) {
                benign++;
                if (found.stream().anyMatch(f -> f.severity().atLeast(Severity.HIGH))) benignHigh++;
            }
        }

        List<EvalReport.Row> sessionRows = new ArrayList<>();
        sessionRows.add(new EvalReport.Row("all sessions", "injection attempt", "all", injection));
        sessionRows.add(new EvalReport.Row("all sessions", "compromised", "all", compromise));
        injectionByScenario.forEach((k, v) -> sessionRows.add(new EvalReport.Row(k, "injection attempt", k, v)));
        compromiseByScenario.forEach((k, v) -> sessionRows.add(new EvalReport.Row(k, "compromised", k, v)));
        List<EvalReport.Row> detectorRows = new ArrayList<>();
        perDetector.forEach((k, v) -> detectorRows.add(new EvalReport.Row(k, questionOf(k), "all", v)));
        return new EvalReport(sessions, unlabelled, sessionRows, detectorRows, benign, benignHigh, fired, perScenario,
                datasets.stream().map(x -> x.file().toString()).toList());
    }

    /** Which labelled question a detector's firing is scored against. */
    static String questionOf(String detectorId) {
        return detectorId.equals("tool-abuse") ? "compromised" : "injection attempt";
    }
}
