package dev.tracehound.importers.tracehound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.importers.CollectingSink;
import dev.tracehound.importers.ImportFixture;
import dev.tracehound.importers.claudecode.ClaudeCodeImporter;
import dev.tracehound.importers.read.Json;
import dev.tracehound.importers.run.ImportListener;
import dev.tracehound.importers.run.ImportReport;
import dev.tracehound.importers.run.ImportRun;
import dev.tracehound.importers.run.QuarantineEntry;
import dev.tracehound.importers.run.WarningSummary;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventJson;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import dev.tracehound.timeline.store.IdConflict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tracehound JSONL keeps the ids the file carries, so an export brought back into its case names events the case holds.
 * Unchanged, it adds nothing; an edited line, or a forged file claiming the ids of evidence not yet imported, must show
 * as quarantined, never pass as "already in the case". Real case (H2 file database and Lucene index), as the CLI does.
 */
class ExportReimportTest {
    private static final Path CLAUDE = ImportFixture.resource("samples/claude-code/simonw_sample_session.jsonl");
    @TempDir Path dir;

    @Test
    void theCasesOwnExportUnchangedAddsAndQuarantinesNothing() throws Exception {
        Path caseDir = dir.resolve("case");
        try (Case c = Cases.create(caseDir, "t")) {
            importOk(c, CLAUDE);
            List<Event> stored = events(c);
            ImportReport report = importOk(c, export(stored, dir.resolve("export.jsonl")));
            assertEquals("tracehound", report.format());
            assertEquals(List.of(0L, (long) stored.size(), 0L, 0L),
                    List.of(report.events(), report.duplicates(), report.quarantined(), report.idConflicts()), report.toMap().toString());
            assertEquals(Map.of(), report.warnings());
            assertEquals(stored, events(c));
        }
        assertEquals(List.of(), quarantineRows(caseDir));
    }

    @Test
    void anExportWithOneEditedTextQuarantinesThatRecordAndKeepsTheStoredEvent() throws Exception {
        Path caseDir = dir.resolve("case");
        Path file = dir.resolve("edited.jsonl");
        String line;
        try (Case c = Cases.create(caseDir, "t")) {
            String claudeSha = importOk(c, CLAUDE).evidenceSha256();
            List<Event> stored = events(c);
            int edited = indexOf(stored, EventKind.TOOL_RESULT);
            Event target = stored.get(edited);
            List<Event> forged = new ArrayList<>(stored);
            forged.set(edited, target.toBuilder().text("File not written: permission denied").build());
            export(forged, file);
            line = "line:" + (edited + 1);

            ImportReport report = importOk(c, file);

            assertEquals(List.of((long) stored.size(), 1L, 1L, 0L, (long) stored.size() - 1),
                    List.of(report.records(), report.quarantined(), report.idConflicts(), report.events(), report.duplicates()),
                    report.toMap().toString());
            assertEquals(report.records(), report.recordsConverted() + report.quarantined(), "records add up");
            assertEquals(report.eventsRead(), report.events() + report.duplicates() + report.idConflicts(), "events add up");
            String reason = "event id " + target.eventId() + " is already in the case with different content (text differs;"
                    + " stored from evidence " + claudeSha + " at " + target.locator() + "); kept the stored event";
            assertEquals(List.of(new QuarantineEntry(line, reason, "text=File not written: permission denied")), report.quarantine());
            assertEquals(Map.of(IdConflict.WARNING, new WarningSummary(1, reason, line)), report.warnings());
            assertEquals(1L, report.toMap().get("id_conflicts"));
            assertEquals(target, c.events().get(target.eventId()).orElseThrow(), "the stored event is unchanged");
            assertEquals(stored, events(c));
        }
        assertEquals(List.of(List.of(ImportFixture.sha256(file), line)), quarantineRows(caseDir), "the edited line's record");
    }

    @Test
    void idsAForgedFileClaimedFirstQuarantineTheGenuineRecordInsteadOfDroppingIt() throws Exception {
        // the forger knows the genuine file, so the ids its import will give, and plants other content under one
        CollectingSink genuine = ImportFixture.importFile(new ClaudeCodeImporter(), CLAUDE);
        int claimed = indexOf(genuine.events, EventKind.TOOL_RESULT);
        Event real = genuine.events.get(claimed);
        Path forgery = export(List.of(real.toBuilder().text("nothing happened").build()), dir.resolve("forged.jsonl"));
        Path caseDir = dir.resolve("case");
        try (Case c = Cases.create(caseDir, "t")) {
            String forgedSha = importOk(c, forgery).evidenceSha256();

            ImportReport report = importOk(c, CLAUDE);

            assertEquals(List.of((long) genuine.events.size() - 1, 0L, 1L, 1L),
                    List.of(report.events(), report.duplicates(), report.quarantined(), report.idConflicts()), report.toMap().toString());
            assertEquals(report.eventsRead(), report.events() + report.duplicates() + report.idConflicts());
            QuarantineEntry entry = report.quarantine().getFirst();
            assertEquals(real.locator(), entry.locator(), "where the genuine record is");
            assertEquals("event id " + real.eventId() + " is already in the case with different content (text differs; stored from"
                    + " evidence " + forgedSha + " at line:1); kept the stored event", entry.reason());
            assertEquals(1, report.warnings().get(IdConflict.WARNING).count());
            assertEquals(genuine.events.size(), c.events().count(), "the forged event, and the genuine file's others");
        }
        assertEquals(List.of(List.of(ImportFixture.sha256(CLAUDE), real.locator())), quarantineRows(caseDir));
    }

    private static ImportReport importOk(Case c, Path file) {
        ImportReport report = new ImportRun(c, List.of(file), null, ImportListener.NONE).run().getFirst();
        assertTrue(report.ok(), report.toMap().toString());
        return report;
    }

    /** What a JSONL export writes: one event per line, in ingest order. */
    private static Path export(List<Event> events, Path file) throws Exception {
        List<String> lines = new ArrayList<>();
        for (Event e : events) lines.add(Json.write(EventJson.toJson(e)));
        return Files.write(file, lines);
    }

    private static List<Event> events(Case c) {
        List<Event> events = new ArrayList<>();
        c.events().forEach(events::add);
        return events;
    }

    private static int indexOf(List<Event> events, EventKind kind) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).kind() == kind) return i;
        }
        throw new AssertionError("no " + kind);
    }

    /** (evidence, locator) of each row of the closed case's quarantine table (there is no reader API for it). */
    private static List<List<String>> quarantineRows(Path caseDir) throws Exception {
        String url = "jdbc:h2:file:" + caseDir.resolve("case").toAbsolutePath() + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
        List<List<String>> rows = new ArrayList<>();
        try (var conn = java.sql.DriverManager.getConnection(url, "tracehound", "");
             var rs = conn.createStatement().executeQuery("SELECT evidence_sha, locator FROM quarantine ORDER BY ord")) {
            while (rs.next()) rows.add(List.of(rs.getString(1), rs.getString(2)));
        }
        return rows;
    }
}
