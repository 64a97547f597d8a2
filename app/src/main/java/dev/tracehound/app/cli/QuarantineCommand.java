package dev.tracehound.app.cli;

import dev.tracehound.app.format.TextTable;
import dev.tracehound.app.format.Texts;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import dev.tracehound.timeline.evidence.QuarantinedRecord;
import dev.tracehound.timeline.store.Case;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tracehound quarantine --case DIR [--evidence SHA] [--limit N]}: the records imports set aside, with where they
 * are in their evidence file and why; the import report and the incident report list only the first ones.
 */
@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = {"List the records imports quarantined: evidence file, locator, reason and excerpt.",
            "Nothing quarantined is lost: each record stays in the evidence file at its locator."})
final class QuarantineCommand implements Callable<Integer> {
    @Mixin
    CaseOption caseOption;

    @Mixin
    OutputOptions output;

    @Option(names = "--evidence", paramLabel = "SHA", description = "Only this evidence file (its SHA-256 or a unique prefix of it).")
    String evidence;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "At most N records per evidence file (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        if (limit < 1) throw new CliException("--limit must be at least 1, not " + limit);
        try (Case c = caseOption.openForReading()) {
            List<EvidenceRecord> files = files(c);
            Map<String, Long> counts = c.evidence().quarantinedRecords();
            List<Map<String, Object>> json = new ArrayList<>();
            TextTable t = new TextTable("EVIDENCE", "LOCATOR", "REASON", "EXCERPT");
            long total = 0, listed = 0;
            for (EvidenceRecord f : files) {
                long count = counts.getOrDefault(f.sha256(), 0L);
                if (count == 0) continue;
                total += count;
                String name = Path.of(f.originalPath()).getFileName().toString();
                for (QuarantinedRecord q : c.evidence().quarantined(f.sha256(), limit)) {
                    listed++;
                    t.row(Texts.shortId(f.sha256(), 12) + " " + name, q.locator(), q.reason(), Texts.oneLine(q.excerpt(), 60));
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("evidence_sha256", f.sha256());
                    row.put("file", f.originalPath());
                    row.put("locator", q.locator());
                    row.put("reason", q.reason());
                    row.put("excerpt", q.excerpt());
                    json.add(row);
                }
            }
            if (output.json()) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("quarantined", total);
                out.put("listed", listed);
                out.put("records", json);
                output.printJson(out);
                return 0;
            }
            if (total == 0) {
                output.out().println("No record was quarantined" + (evidence == null ? " in this case." : " in this evidence file."));
            } else {
                t.print(output.out());
                output.out().println(String.format(Locale.ROOT, "%,d quarantined record%s%s.", total, total == 1 ? "" : "s",
                        listed < total ? String.format(Locale.ROOT, ", %,d listed (--limit %d per evidence file)", listed, limit) : ""));
            }
            output.out().flush();
        }
        return 0;
    }

    /** Up to ten evidence files, a line each: the start of the SHA-256 and the original path. */
    private static String listed(List<EvidenceRecord> files) {
        StringBuilder known = new StringBuilder();
        for (EvidenceRecord f : files.subList(0, Math.min(10, files.size()))) {
            known.append("\n  ").append(Texts.shortId(f.sha256(), 16)).append("  ").append(Texts.oneLine(f.originalPath(), 200));
        }
        return known + (files.size() > 10 ? "\n  …" : "");
    }

    /** The evidence files asked for: all, or the one whose SHA-256 starts with {@code --evidence}. */
    private List<EvidenceRecord> files(Case c) {
        List<EvidenceRecord> all = c.evidence().list();
        if (evidence == null) return all;
        String prefix = evidence.strip().toLowerCase(Locale.ROOT);
        if (prefix.isEmpty()) throw new CliException("--evidence needs a SHA-256 or a prefix of one");
        List<EvidenceRecord> matching = all.stream().filter(f -> f.sha256().startsWith(prefix)).toList();
        if (matching.isEmpty()) {
            throw new CliException("no evidence file in this case has a SHA-256 starting with " + Texts.oneLine(prefix, 80)
                    + (all.isEmpty() ? "; the case holds no evidence yet" : "; its evidence files are:" + listed(all)));
        }
        if (matching.size() > 1) {
            throw new CliException(Texts.oneLine(prefix, 80) + " is the start of " + matching.size() + " evidence files' SHA-256; give more of it:"
                    + listed(matching));
        }
        return matching;
    }
}
