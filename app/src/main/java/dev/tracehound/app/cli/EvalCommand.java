package dev.tracehound.app.cli;

import dev.tracehound.app.eval.EvalReport;
import dev.tracehound.app.eval.Evaluator;
import dev.tracehound.timeline.detect.Analyzer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tracehound eval --corpus DIR}: imports a labelled corpus into a temporary case, runs the detectors
 * and prints precision, recall and F1 per detector and per session-level question.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score the detectors on a labelled corpus (NAME.jsonl + NAME.labels.jsonl; benign folders by PROVENANCE.txt).")
public final class EvalCommand implements Callable<Integer> {
    @Mixin OutputOptions output;

    @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "The corpus folder, e.g. ../shared/corpus.")
    Path corpus;

    @Option(names = "--keep-case", paramLabel = "DIR", description = "Build the evaluation case here and keep it (default: a temporary folder, deleted).")
    Path keepCase;

    @Override
    public Integer call() throws IOException {
        Path work = keepCase != null ? keepCase : Files.createTempDirectory("tracehound-eval");
        Path caseDir = keepCase != null ? keepCase : work.resolve("case");
        PrintWriter err = output.spec.commandLine().getErr();
        try {
            EvalReport report = new Evaluator(Analyzer.withAllDetectors()).run(corpus, caseDir, msg -> {
                if (!output.json()) {
                    err.println(msg);
                    err.flush();
                }
            });
            if (output.json()) output.printJson(report.toMap());
            else print(report, output.out());
            return 0;
        } finally {
            if (keepCase == null) deleteRecursively(work);
        }
    }

    private static void print(EvalReport r, PrintWriter out) {
        out.printf("Evaluated %d labelled sessions (%d unlabelled skipped)%n%n", r.sessions(), r.unlabelledSessions());
        out.println("Session level");
        header(out);
        r.sessionLevel().forEach(row -> line(out, row));
        out.println();
        out.println("Per detector (fired on a session vs the question it answers)");
        header(out);
        r.detectors().forEach(row -> line(out, row));
        out.println();
        out.println("Sessions each detector fired on, per scenario");
        out.printf("%-28s", "DETECTOR");
        r.sessionsByScenario().forEach((sc, n) -> out.printf(" %20s", sc + " (" + n + ")"));
        out.println();
        r.firedByScenario().forEach((det, counts) -> {
            out.printf("%-28s", det);
            r.sessionsByScenario().keySet().forEach(sc -> out.printf(" %20d", counts.getOrDefault(sc, 0)));
            out.println();
        });
        out.println();
        out.printf(Locale.ROOT, "Benign baseline: %d of %d sessions with a high/critical finding (%.1f%%)%n",
                r.benignBaselineHighOrCritical(), r.benignBaselineSessions(), 100 * r.benignHighRate());
        out.flush();
    }

    private static void header(PrintWriter out) {
        out.printf("%-28s %-18s %6s %6s %6s %6s %9s %7s %6s%n", "NAME", "QUESTION", "TP", "FP", "FN", "TN", "PRECISION", "RECALL", "F1");
    }

    private static void line(PrintWriter out, EvalReport.Row row) {
        out.printf(Locale.ROOT, "%-28s %-18s %6d %6d %6d %6d %9s %7s %6s%n", row.name(), row.question(), row.c().tp(), row.c().fp(),
                row.c().fn(), row.c().tn(), fmt(row.c().precision()), fmt(row.c().recall()), fmt(row.c().f1()));
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the temporary evaluation case " + dir, e);
        }
    }
}
