package dev.tracehound.app.cli;

import dev.tracehound.timeline.audit.VerifyReport;
import dev.tracehound.timeline.store.Case;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tracehound verify --case DIR}: exit 0 when every evidence hash and the audit chain check out, else 1. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Recompute every evidence file's SHA-256 and the audit log's hash chain.",
            "Exit code 0: intact. 1: something changed; the first broken link is named."})
final class VerifyCommand implements Callable<Integer> {
    static final int NOT_INTACT = 1;

    @Mixin
    CaseOption caseOption;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        VerifyReport report;
        try (Case c = caseOption.openForReading()) {
            report = c.verify();
        }
        if (output.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("intact", report.intact());
            m.put("evidenceFiles", report.evidenceFiles());
            m.put("auditEntries", report.auditEntries());
            m.put("problems", report.problems());
            output.printJson(m);
        } else {
            var out = output.out();
            if (report.intact()) {
                out.println("Intact: " + report.evidenceFiles() + " evidence files and " + report.auditEntries()
                        + " audit entries verified.");
            } else {
                out.println("NOT INTACT: " + report.problems().getFirst());
                for (String p : report.problems().subList(1, report.problems().size())) out.println("  also: " + p);
                out.println("(checked " + report.evidenceFiles() + " evidence files and " + report.auditEntries() + " audit entries)");
            }
            out.flush();
        }
        return report.intact() ? 0 : NOT_INTACT;
    }
}
