package dev.tracehound.importers.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one file's import did. The counts add up:
 * <pre>
 *   records        = records converted + quarantined      (each record read either yields ≥ 0 events or is quarantined)
 *   events_read    = events + duplicates + id_conflicts   (events the importer produced: new ones, ones already in the case,
 *                                                          and ones whose id the case holds with other content)
 * </pre>
 * {@code quarantine} lists the first {@value #MAX_LISTED} entries; {@code quarantined} counts them all, id conflicts
 * included (each is quarantined as its record: in Tracehound JSONL, the one format whose ids come from the file, a
 * record is one event).
 *
 * @param error why the import of this file stopped early, or null
 * @param hint advice for the investigator, for example the format the file looks like when a forced one failed
 */
public record ImportReport(
        String file,
        String format,
        String evidenceSha256,
        long records,
        long eventsRead,
        long events,
        long duplicates,
        long quarantined,
        long idConflicts,
        List<QuarantineEntry> quarantine,
        Map<String, WarningSummary> warnings,
        boolean alreadyImported,
        boolean cancelled,
        String error,
        String hint) {

    public static final int MAX_LISTED = 1_000;

    public boolean ok() {
        return error == null && !cancelled;
    }

    public long recordsConverted() {
        return records - quarantined;
    }

    /** The JSON shape of the report (snake_case keys), for {@code --json} and the audit log. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("format", format);
        m.put("evidence_sha256", evidenceSha256);
        m.put("already_imported", alreadyImported);
        m.put("cancelled", cancelled);
        m.put("records", records);
        m.put("records_converted", recordsConverted());
        m.put("events_read", eventsRead);
        m.put("events", events);
        m.put("duplicates", duplicates);
        m.put("quarantined", quarantined);
        m.put("id_conflicts", idConflicts);
        m.put("quarantine", quarantine.stream().map(q -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("locator", q.locator());
            e.put("reason", q.reason());
            e.put("excerpt", q.excerpt());
            return e;
        }).toList());
        Map<String, Object> w = new LinkedHashMap<>();
        warnings.forEach((code, s) -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("count", s.count());
            e.put("first_message", s.firstMessage());
            e.put("first_locator", s.firstLocator());
            w.put(code, e);
        });
        m.put("warnings", w);
        if (error != null) m.put("error", error);
        if (hint != null) m.put("hint", hint);
        return m;
    }
}
