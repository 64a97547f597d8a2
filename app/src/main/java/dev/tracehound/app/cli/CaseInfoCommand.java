package dev.tracehound.app.cli;

import dev.tracehound.timeline.store.Case;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tracehound case info --case DIR}: what the case holds. */
@Command(name = "info", description = "Show a case's name, id, and how many events, sessions and evidence files it holds.",
        mixinStandardHelpOptions = true)
final class CaseInfoCommand implements Callable<Integer> {
    @Mixin
    CaseOption caseOption;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        try (Case c = caseOption.openForReading()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("caseId", c.info().caseId());
            m.put("name", c.info().name());
            m.put("created", c.info().created().toString());
            m.put("toolVersion", c.info().toolVersion());
            m.put("schemaVersion", c.info().schemaVersion());
            m.put("events", c.events().count());
            m.put("sessions", c.events().sessions().size());
            m.put("evidenceFiles", c.evidence().list().size());
            m.put("findings", c.findings().list().size());
            m.put("readOnly", c.readOnly().isPresent());
            m.put("readOnlyReason", c.readOnly().orElse(null)); // why it cannot change (read-only media or files)
            if (output.json()) {
                output.printJson(m);
            } else {
                var out = output.out();
                m.forEach((k, v) -> {
                    if (k.equals("readOnlyReason")) return; // said on the readOnly line
                    out.printf("%-14s %s%n", k, k.equals("readOnly") ? (c.readOnly().map(why -> "yes: " + why).orElse("no")) : v);
                });
                out.flush();
            }
        }
        return 0;
    }
}
