package dev.tracehound.app.cli;

import dev.tracehound.timeline.audit.Actors;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.FindingStatus;
import dev.tracehound.timeline.store.Case;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tracehound finding-status --case DIR ID new|confirmed|false-positive [--note TEXT]}: records a verdict (audited). */
@Command(name = "finding-status", mixinStandardHelpOptions = true, description = "Set an investigator's verdict on a finding (audited).")
public final class FindingStatusCommand implements Callable<Integer> {
    @Mixin CaseOption caseOption;
    @Mixin OutputOptions output;

    @Parameters(index = "0", paramLabel = "ID", description = "The finding id (see `tracehound findings`).")
    String id;

    @Parameters(index = "1", paramLabel = "STATUS", description = "new, confirmed or false-positive.")
    String status;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why; kept in the audit log.")
    String note;

    @Override
    public Integer call() {
        FindingStatus s = parseStatus(status);
        try (Case c = caseOption.open()) {
            if (c.findings().get(id).isEmpty()) {
                throw new CliException("no finding with id " + id + " in this case; list them with `tracehound findings --case " + caseOption.dir() + "`");
            }
            Finding f = c.findings().setStatus(id, s, Actors.current(), note);
            if (output.json()) output.printJson(FindingsView.toMap(f));
            else {
                output.out().printf("%s is now %s%n", f.id(), status.toLowerCase(Locale.ROOT));
                output.out().flush();
            }
            return 0;
        }
    }

    static FindingStatus parseStatus(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "new" -> FindingStatus.NEW;
            case "confirmed" -> FindingStatus.CONFIRMED;
            case "false-positive", "fp" -> FindingStatus.FALSE_POSITIVE;
            default -> throw new CliException("unknown status '" + s + "': use new, confirmed or false-positive");
        };
    }
}
