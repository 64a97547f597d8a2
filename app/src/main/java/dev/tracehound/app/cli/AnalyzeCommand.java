package dev.tracehound.app.cli;

import dev.tracehound.timeline.audit.Actors;
import dev.tracehound.timeline.detect.AnalysisResult;
import dev.tracehound.timeline.detect.Analyzer;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.Severity;
import dev.tracehound.timeline.store.Case;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tracehound analyze --case DIR}: runs every detector over every session and saves the findings. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Run the detectors over every session of a case and save the findings (investigator statuses are kept).")
public final class AnalyzeCommand implements Callable<Integer> {
    @Mixin CaseOption caseOption;
    @Mixin OutputOptions output;

    @Override
    public Integer call() {
        try (Case c = caseOption.open()) {
            Analyzer analyzer = Analyzer.withAllDetectors();
            PrintWriter err = output.spec.commandLine().getErr();
            // big cases take a while: a line on stderr every 500 sessions keeps stdout clean for --json
            AnalysisResult result = analyzer.run(c, Actors.current(), (done, total, id) -> {
                if (done % 500 == 0 && done < total) {
                    err.printf("analysed %d of %d sessions%n", done, total);
                    err.flush();
                }
            }, () -> false);
            Map<String, Map<String, Integer>> counts = new TreeMap<>();
            for (Finding f : result.findings()) {
                counts.computeIfAbsent(f.detector(), k -> new LinkedHashMap<>()).merge(f.severity().name(), 1, Integer::sum);
            }
            if (output.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("sessions", result.sessionsAnalysed());
                m.put("findings", result.findings().size());
                m.put("by_detector", counts);
                m.put("retired", result.retired().size());
                output.printJson(m);
            } else {
                PrintWriter out = output.out();
                out.printf("Analysed %d sessions: %d findings%n", result.sessionsAnalysed(), result.findings().size());
                if (!result.retired().isEmpty()) {
                    out.printf("Retired %d earlier untriaged finding(s) this analysis no longer produces (audited as finding-retired)%n",
                            result.retired().size());
                }
                out.printf("%-28s %8s %8s %8s %8s %8s%n", "DETECTOR", "CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO");
                for (var d : analyzer.detectors()) {
                    Map<String, Integer> sev = counts.getOrDefault(d.id(), Map.of());
                    out.printf("%-28s %8d %8d %8d %8d %8d%n", d.id(), sev.getOrDefault(Severity.CRITICAL.name(), 0),
                            sev.getOrDefault(Severity.HIGH.name(), 0), sev.getOrDefault(Severity.MEDIUM.name(), 0),
                            sev.getOrDefault(Severity.LOW.name(), 0), sev.getOrDefault(Severity.INFO.name(), 0));
                }
                out.flush();
            }
            return 0;
        }
    }
}
