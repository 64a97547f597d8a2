package dev.tracehound.app.cli;

import dev.tracehound.app.format.Texts;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.FindingStatus;
import dev.tracehound.timeline.store.Case;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tracehound findings --case DIR [--status S]}: lists findings, most severe first. */
@Command(name = "findings", mixinStandardHelpOptions = true, description = "List the findings of a case, most severe first.")
public final class FindingsCommand implements Callable<Integer> {
    @Mixin CaseOption caseOption;
    @Mixin OutputOptions output;

    @Option(names = "--status", paramLabel = "S", description = "Only findings with this status: new, confirmed, false-positive.")
    String status;

    @Override
    public Integer call() {
        FindingStatus wanted = status == null ? null : FindingStatusCommand.parseStatus(status);
        try (Case c = caseOption.openForReading()) {
            List<Finding> findings = c.findings().list().stream()
                    .filter(f -> wanted == null || f.status() == wanted)
                    .sorted(Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::sessionId, Comparator.nullsLast(Comparator.naturalOrder())))
                    .toList();
            if (output.json()) {
                output.printJson(findings.stream().map(FindingsView::toMap).toList());
                return 0;
            }
            PrintWriter out = output.out();
            out.printf("%-32s %-8s %-26s %-14s %-28s %s%n", "ID", "SEVERITY", "DETECTOR", "STATUS", "SESSION", "EXPLANATION");
            for (Finding f : findings) {
                out.printf("%-32s %-8s %-26s %-14s %-28s %s%n", f.id(), f.severity(), f.detector(),
                        f.status().name().toLowerCase(Locale.ROOT).replace('_', '-'), Texts.oneLine(f.sessionId(), 28),
                        Texts.oneLine(f.explanation(), 100));
            }
            out.printf("%d findings%n", findings.size());
            out.flush();
            return 0;
        }
    }
}
