package dev.tracehound.app.cli;

import dev.tracehound.app.format.Texts;
import dev.tracehound.importers.run.ImportListener;
import dev.tracehound.importers.run.ImportProgress;
import dev.tracehound.importers.run.ImportReport;
import dev.tracehound.importers.run.ImportRun;
import dev.tracehound.importers.run.QuarantineEntry;
import dev.tracehound.importers.run.WarningSummary;
import dev.tracehound.timeline.store.Case;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tracehound import --case DIR [--format F] [--mapping FILE] [--json] FILE...}: copies each file into
 * the case as evidence and imports its events. Exit 0 when every file imported; 2 when a file failed or had every
 * record quarantined (for example a wrong {@code --format}). Ctrl-C stops between records; the report is printed and
 * the JVM exits with 130.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import telemetry files into a case (format detected unless --format is given). See 'tracehound formats'.")
public final class ImportCommand implements Callable<Integer> {
    static final int LISTED_QUARANTINE = 20;

    @Mixin CaseOption caseOption;
    @Mixin OutputOptions output;

    @Option(names = "--format", paramLabel = "F", description = "Read every file as this format instead of detecting it.")
    String format;

    @Option(names = "--mapping", paramLabel = "FILE", description = "Field mapping (JSON) for --format generic: which fields hold text, time, kind, actor, session, tool, model.")
    Path mapping;

    @Option(names = "--progress", description = "Print progress on stderr even when it is not a terminal (a line per second).")
    boolean alwaysProgress;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import (gzipped files are read transparently).")
    List<Path> files;

    @Override
    public Integer call() {
        Map<String, String> options = Map.of();
        if (mapping != null) {
            if (format == null) format = "generic";
            if (!format.equals("generic")) throw new CliException("--mapping applies to --format generic only, not " + format);
            options = Map.of("mapping", mapping.toString());
        }
        PrintWriter err = output.spec.commandLine().getErr();
        boolean showProgress = alwaysProgress || System.console() != null;
        // Ctrl-C cancels between records; the report of what was stored is still printed before the JVM exits
        try (CancelOnInterrupt guard = new CancelOnInterrupt(60)) {
            List<ImportReport> reports;
            try (Case c = caseOption.open()) {
                ImportRun run = new ImportRun(c, files, format, showProgress ? new StderrProgress(err) : ImportListener.NONE).options(options);
                guard.onInterrupt(run::cancel);
                reports = run.run();
            }
            if (output.json()) {
                output.printJson(reports.size() == 1 ? reports.get(0).toMap() : reports.stream().map(ImportReport::toMap).toList());
            } else {
                reports.forEach(r -> printHuman(output.out(), r, caseOption.dir()));
                output.out().flush();
            }
            // the report stays on stdout; each file that did not import also gets the one error line every command gives
            for (ImportReport r : reports) {
                String failure = failure(r);
                if (failure != null) err.println("tracehound: " + r.file() + ": " + failure);
            }
            err.flush();
            return reports.stream().allMatch(ImportCommand::succeeded) ? 0 : CliErrors.USER_ERROR;
        }
    }

    /** Why a file did not import, in a few words; null when it did. */
    static String failure(ImportReport r) {
        if (r.error() != null) return r.error();
        if (r.cancelled()) return "cancelled; run the import again to complete it";
        if (!succeeded(r)) return "every one of its " + r.records() + " records was quarantined" + (r.hint() == null ? "" : " (" + r.hint() + ")");
        return null;
    }

    static boolean succeeded(ImportReport r) {
        return r.ok() && !(r.records() > 0 && r.quarantined() == r.records());
    }

    static void printHuman(PrintWriter out, ImportReport r, java.nio.file.Path caseDir) {
        out.println(r.file());
        row(out, "format", r.format() == null ? "not recognised" : r.format());
        if (r.evidenceSha256() != null) row(out, "evidence sha256", r.evidenceSha256());
        if (r.alreadyImported()) {
            row(out, "status", "already imported; nothing added");
        } else if (r.evidenceSha256() != null) {
            row(out, "records", r.records() + " (" + r.recordsConverted() + " converted, " + r.quarantined() + " quarantined)");
            row(out, "events", r.events() + " added, " + r.duplicates() + " already in the case"
                    + (r.idConflicts() == 0 ? "" : ", " + r.idConflicts() + " quarantined (" + (r.idConflicts() == 1 ? "its id is" : "their ids are") + " in the case with other content)"));
            row(out, "status", r.error() != null ? "STOPPED" : r.cancelled() ? "CANCELLED (run again to complete)" : "complete");
        }
        for (Map.Entry<String, WarningSummary> w : r.warnings().entrySet()) {
            WarningSummary s = w.getValue();
            row(out, "warning", w.getKey() + " ×" + s.count() + ": " + s.firstMessage() + (s.firstLocator() == null ? "" : " (first at " + s.firstLocator() + ")"));
        }
        if (r.quarantined() > 0) {
            out.println("  quarantined records:");
            List<QuarantineEntry> listed = r.quarantine();
            for (int i = 0; i < Math.min(LISTED_QUARANTINE, listed.size()); i++) {
                QuarantineEntry q = listed.get(i);
                // both may quote the evidence: one line, control characters marked
                out.println("    " + Texts.oneLine(q.locator(), 200) + "  " + Texts.oneLine(q.reason(), 400));
            }
            long more = r.quarantined() - Math.min(LISTED_QUARANTINE, listed.size());
            if (more > 0) out.println("    …and " + more + " more (`tracehound quarantine --case " + caseDir + " --evidence "
                    + r.evidenceSha256().substring(0, Math.min(12, r.evidenceSha256().length())) + " --limit " + r.quarantined() + "` lists them)");
        }
        if (r.error() != null) row(out, "error", r.error());
        if (r.hint() != null && !r.alreadyImported()) row(out, "hint", r.hint());
        out.println();
    }

    private static void row(PrintWriter out, String label, Object value) {
        out.printf("  %-16s %s%n", label, value);
    }

    /** One progress line per second on stderr; never on stdout, which carries the report. */
    private static final class StderrProgress implements ImportListener {
        private final PrintWriter err;
        private long last;

        StderrProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void progress(ImportProgress p) {
            long now = System.nanoTime();
            if (!p.done() && now - last < 1_000_000_000L) return;
            last = now;
            String percent = p.totalBytes() > 0 && p.bytesRead() <= p.totalBytes() ? String.format(" %3d%%", p.bytesRead() * 100 / p.totalBytes()) : "";
            String end = !p.done() ? "" : p.totalBytes() > 0 && p.bytesRead() < p.totalBytes() ? " stopped" : " done";
            err.printf("importing %s:%s %,d records (%,.0f/s)%s%n", p.file().getFileName(), percent, p.records(), p.recordsPerSecond(), end);
            err.flush();
        }
    }
}
