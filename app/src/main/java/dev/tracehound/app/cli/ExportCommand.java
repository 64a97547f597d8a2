package dev.tracehound.app.cli;

import dev.tracehound.app.export.CaseOutputs.OutputRecord;
import dev.tracehound.app.export.EventSelection;
import dev.tracehound.app.export.ExportFormat;
import dev.tracehound.app.export.Exports;
import dev.tracehound.timeline.store.Case;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tracehound export}: events (with tags and notes) or findings in exchange formats. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export events (jsonl, csv, timesketch) or findings (sarif, stix) from a case.")
public final class ExportCommand implements Callable<Integer> {
    @Mixin CaseOption caseOption;
    @Mixin OutputOptions output;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "jsonl, csv, timesketch, sarif or stix.")
    String format;

    @Option(names = "--query", paramLabel = "Q", description = "Only events matching this search (Lucene syntax).")
    String query;

    @Option(names = "--annotated", description = "Only events that are starred, tagged or have notes.")
    boolean annotated;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: the case's exports/ folder).")
    Path out;

    @Override
    public Integer call() {
        ExportFormat f = ExportFormat.parse(format);
        if (query != null && annotated) throw new CliException("use either --query or --annotated, not both");
        EventSelection selection = annotated ? EventSelection.annotated()
                : query != null ? EventSelection.query(query) : EventSelection.all();
        try (Case c = caseOption.open()) {
            OutputRecord r = Exports.export(c, f, selection, out);
            OutputLines.print(output, r);
        }
        return 0;
    }
}
