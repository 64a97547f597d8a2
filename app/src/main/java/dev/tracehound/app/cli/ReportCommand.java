package dev.tracehound.app.cli;

import dev.tracehound.app.export.CaseOutputs.OutputRecord;
import dev.tracehound.app.report.ReportFormat;
import dev.tracehound.app.report.Reports;
import dev.tracehound.timeline.store.Case;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tracehound report}: the incident report as HTML, PDF, Markdown or a verifiable zip package. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the case's incident report (html, pdf, md, or zip = all three with a hashed manifest).")
public final class ReportCommand implements Callable<Integer> {
    @Mixin CaseOption caseOption;
    @Mixin OutputOptions output;

    @Option(names = "--format", defaultValue = "html", paramLabel = "FORMAT", description = "html, pdf, md or zip (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: the case's exports/ folder).")
    Path out;

    @Override
    public Integer call() {
        ReportFormat f = ReportFormat.parse(format);
        try (Case c = caseOption.open()) {
            OutputRecord r = Reports.write(c, f, out);
            OutputLines.print(output, r);
        }
        return 0;
    }
}
