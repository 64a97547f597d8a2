package dev.tracehound.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehound.app.report.ReportFixture;
import dev.tracehound.importers.run.ImportRun;
import dev.tracehound.timeline.audit.AuditEntry;
import dev.tracehound.timeline.event.Event;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports of a real case: content, selections, the formula guard, and SARIF/STIX structure. */
class ExportsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern STIX_ID = Pattern.compile("[a-z][a-z0-9-]+--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @TempDir Path tmp;
    ReportFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new ReportFixture(tmp);
    }

    @AfterEach
    void tearDown() {
        fx.c.close();
    }

    @Test
    void jsonlCarriesEveryEventWithTagsAndNotesAndIsAudited() throws Exception {
        int auditBefore = fx.c.audit().entries().size();
        var rec = Exports.export(fx.c, ExportFormat.JSONL, EventSelection.all(), null);
        List<String> lines = Files.readAllLines(rec.file());
        assertEquals(fx.c.events().count(), lines.size());
        assertEquals(lines.size(), rec.records());
        JsonNode leak = lines.stream().map(ExportsTest::tree).filter(n -> n.path("event_id").asText().equals(fx.leakEventId)).findFirst().orElseThrow();
        assertTrue(leak.path("starred").asBoolean());
        assertEquals("leak", leak.path("tags").get(0).asText());
        assertTrue(leak.path("notes").get(0).asText().contains(ReportFixture.CANARY));
        assertTrue(leak.path("text").asText().contains(ReportFixture.CANARY));
        assertTrue(rec.file().startsWith(fx.caseDir.resolve("exports").toAbsolutePath()));
        AuditEntry audit = fx.c.audit().entries().get(auditBefore);
        assertEquals("export", audit.action());
        assertTrue(audit.details().contains(rec.sha256()) && audit.details().contains("jsonl"));
    }

    @Test
    void jsonlExportImportsBackIntoANewCaseWithTheSameEvents() throws Exception {
        var rec = Exports.export(fx.c, ExportFormat.JSONL, EventSelection.all(), tmp.resolve("all.jsonl"));
        try (var copy = dev.tracehound.timeline.store.Cases.create(tmp.resolve("copy"), "round trip")) {
            var reports = new dev.tracehound.importers.run.ImportRun(copy, List.of(rec.file()), "tracehound", null).run();
            assertTrue(reports.getFirst().ok(), reports.getFirst().toMap().toString());
            assertEquals(0, reports.getFirst().quarantined());
            assertEquals(fx.c.events().count(), copy.events().count());
            var again = copy.search().search(dev.tracehound.timeline.search.SearchRequest.of("\"" + ReportFixture.CANARY + "\"", 10)).events();
            assertEquals(fx.c.search().count("\"" + ReportFixture.CANARY + "\""), again.size());
            // the same events: each by its id, with its content, now read from the export
            Map<String, Event> copied = new HashMap<>();
            copy.events().forEach(e -> copied.put(e.eventId(), e));
            fx.c.events().forEach(e -> {
                Event c = copied.get(e.eventId());
                assertTrue(c != null, "event " + e.eventId() + " keeps its id");
                assertEquals(List.of(e.kind(), e.sessionId(), e.startNanos(), String.valueOf(e.text()), String.valueOf(e.payloadJson()), e.flags()),
                        List.of(c.kind(), c.sessionId(), c.startNanos(), String.valueOf(c.text()), String.valueOf(c.payloadJson()), c.flags()));
                assertEquals(rec.sha256(), c.evidenceSha256());
            });
            // and the leak's star, tag and note, kept by event id, could follow it
            assertTrue(copy.events().get(fx.leakEventId).orElseThrow().text().contains(ReportFixture.CANARY));
        }
    }

    @Test
    void jsonlExportImportedIntoItsOwnCaseAddsNothing() throws Exception {
        // chat transcript events have no dedup key: only their ids say they are the case's own
        long before = fx.c.events().count();
        long keyless = countWhere(e -> e.dedupKey() == null);
        assertTrue(keyless > 0, "the sample has events without a dedup key");
        var rec = Exports.export(fx.c, ExportFormat.JSONL, EventSelection.all(), tmp.resolve("own.jsonl"));
        var report = new ImportRun(fx.c, List.of(rec.file()), null, null).run().getFirst();
        assertTrue(report.ok(), report.toMap().toString());
        assertEquals("tracehound", report.format());
        assertEquals(0, report.events(), report.toMap().toString());
        assertEquals(before, report.duplicates(), "every event is reported as already in the case");
        assertEquals(0, report.quarantined(), "every field of every event came back as stored: " + report.quarantine());
        assertEquals(java.util.Map.of(), report.warnings());
        assertEquals(before, fx.c.events().count());
    }

    private long countWhere(java.util.function.Predicate<Event> test) {
        long[] n = {0};
        fx.c.events().forEach(e -> {
            if (test.test(e)) n[0]++;
        });
        return n[0];
    }

    @Test
    void annotatedAndQuerySelectionsNarrowTheExport() throws Exception {
        var annotated = Exports.export(fx.c, ExportFormat.JSONL, EventSelection.annotated(), tmp.resolve("a.jsonl"));
        Set<String> ids = new HashSet<>();
        Files.readAllLines(annotated.file()).forEach(l -> ids.add(tree(l).path("event_id").asText()));
        assertEquals(Set.of(fx.leakEventId, fx.hostileEventId), ids);

        var query = Exports.export(fx.c, ExportFormat.JSONL, EventSelection.query("session:bw-chat-20260611-0006"), tmp.resolve("q.jsonl"));
        List<String> lines = Files.readAllLines(query.file());
        assertEquals(fx.c.events().session(fx.leakSession).size(), lines.size());
        assertTrue(lines.stream().allMatch(l -> tree(l).path("session_id").asText().equals(fx.leakSession)));
    }

    @Test
    void csvGuardsFormulasAndKeepsHostileTextAsData() throws Exception {
        var rec = Exports.export(fx.c, ExportFormat.CSV, EventSelection.annotated(), tmp.resolve("e.csv"));
        String csv = Files.readString(rec.file(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith(String.join(",", CsvEventExporter.HEADER) + "\r\n"));
        assertTrue(csv.contains(ReportFixture.HOSTILE), "hostile text kept verbatim as data");
        assertTrue(csv.contains(ReportFixture.HOSTILE_NOTE), "note exported");

        var all = Exports.export(fx.c, ExportFormat.CSV, EventSelection.query("tool:crm_export"), tmp.resolve("f.csv"));
        String formulaCsv = Files.readString(all.file(), StandardCharsets.UTF_8);
        assertTrue(formulaCsv.contains(",\"'=HYPERLINK("), "formula cell prefixed with a quote: " + formulaCsv);
        assertFalse(formulaCsv.contains(",=HYPERLINK("));
    }

    @Test
    void timesketchLinesHaveTheRequiredFields() throws Exception {
        var rec = Exports.export(fx.c, ExportFormat.TIMESKETCH, EventSelection.all(), tmp.resolve("t.jsonl"));
        for (String line : Files.readAllLines(rec.file())) {
            JsonNode n = tree(line);
            assertFalse(n.path("message").asText().isBlank());
            assertTrue(n.path("datetime").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"), n.path("datetime").asText());
            assertFalse(n.path("timestamp_desc").asText().isBlank());
            if (n.path("event_id").asText().equals(fx.leakEventId)) {
                List<String> tags = new ArrayList<>();
                n.path("tag").forEach(t -> tags.add(t.asText()));
                assertEquals(List.of("leak", "starred"), tags);
            }
        }
    }

    @Test
    void everyEventIsExportedInTimeOrderWhateverTheOrderItWasImportedIn() throws Exception {
        var ev = fx.c.evidence().add(Files.writeString(tmp.resolve("late.jsonl"), "{\"late\":1}\n"), "jsonl");
        var earliest = dev.tracehound.timeline.event.Event.builder(ev.sha256(), "line:1").sessionId("imported-last")
                .startNanos(-86_400_000_000_000L) // before the epoch, where inferred times start
                .kind(dev.tracehound.timeline.event.EventKind.NOTE).text("imported last, happened first").build();
        try (var in = fx.c.ingest(ev, "tester")) {
            in.add(earliest);
            in.commit();
        }
        var rec = Exports.export(fx.c, ExportFormat.TIMESKETCH, EventSelection.all(), tmp.resolve("ordered.jsonl"));
        List<String> lines = Files.readAllLines(rec.file());
        assertEquals(fx.c.events().count(), lines.size());
        assertEquals(earliest.eventId(), tree(lines.getFirst()).path("event_id").asText());
        long previous = Long.MIN_VALUE;
        for (String line : lines) {
            long t = tree(line).path("timestamp").asLong();
            assertTrue(t >= previous, "time order: " + t + " after " + previous);
            previous = t;
        }
    }

    @Test
    void sarifHasRulesWithAtlasAndResultsPointingAtEvidence() throws Exception {
        var rec = Exports.export(fx.c, ExportFormat.SARIF, null, tmp.resolve("f.sarif"));
        JsonNode sarif = JSON.readTree(rec.file().toFile());
        assertEquals("2.1.0", sarif.path("version").asText());
        JsonNode run = sarif.path("runs").get(0);
        assertEquals("Tracehound", run.path("tool").path("driver").path("name").asText());
        JsonNode rules = run.path("tool").path("driver").path("rules");
        assertEquals(2, rules.size());
        JsonNode leakRule = rules.get(0).path("id").asText().equals("system-prompt-leak") ? rules.get(0) : rules.get(1);
        assertEquals("AML.T0056", leakRule.path("properties").path("atlas").get(0).asText());
        assertEquals("LLM07", leakRule.path("properties").path("owasp").get(0).asText());
        JsonNode results = run.path("results");
        assertEquals(2, results.size());
        Set<String> evidence = new HashSet<>();
        fx.c.evidence().list().forEach(e -> evidence.add("evidence/" + e.sha256()));
        for (JsonNode r : results) {
            assertTrue(Set.of("error", "warning", "note").contains(r.path("level").asText()));
            assertEquals(r.path("ruleId").asText(), rules.get(r.path("ruleIndex").asInt()).path("id").asText());
            assertFalse(r.path("message").path("text").asText().isBlank());
            JsonNode loc = r.path("locations").get(0);
            assertTrue(evidence.contains(loc.path("physicalLocation").path("artifactLocation").path("uri").asText()));
            assertTrue(loc.path("physicalLocation").path("region").path("startLine").asInt() >= 1, "JSONL line as region");
            assertTrue(loc.path("logicalLocations").get(0).path("fullyQualifiedName").asText().startsWith("line:"));
        }
        assertEquals(fx.c.evidence().list().size(), run.path("artifacts").size());
    }

    @Test
    void stixBundleHasValidIdsAttackPatternsWithAtlasReferencesAndNotes() throws Exception {
        var rec = Exports.export(fx.c, ExportFormat.STIX, null, tmp.resolve("f.stix.json"));
        JsonNode bundle = JSON.readTree(rec.file().toFile());
        assertEquals("bundle", bundle.path("type").asText());
        assertTrue(STIX_ID.matcher(bundle.path("id").asText()).matches());
        Set<String> ids = new HashSet<>();
        int notes = 0, patterns = 0;
        for (JsonNode o : bundle.path("objects")) {
            assertEquals("2.1", o.path("spec_version").asText());
            String id = o.path("id").asText();
            assertTrue(STIX_ID.matcher(id).matches(), id);
            assertTrue(id.startsWith(o.path("type").asText() + "--"));
            assertFalse(o.path("created").asText().isBlank());
            ids.add(id);
            if (o.path("type").asText().equals("attack-pattern")) {
                patterns++;
                JsonNode ref = o.path("external_references").get(0);
                assertEquals("mitre-atlas", ref.path("source_name").asText());
                assertEquals("https://atlas.mitre.org/techniques/" + ref.path("external_id").asText(), ref.path("url").asText());
            }
            if (o.path("type").asText().equals("note")) {
                notes++;
                assertFalse(o.path("content").asText().isBlank());
                assertTrue(o.path("object_refs").size() > 0);
            }
        }
        assertEquals(2, notes);
        assertEquals(2, patterns);
        for (JsonNode o : bundle.path("objects")) for (JsonNode ref : o.path("object_refs")) assertTrue(ids.contains(ref.asText()), "dangling ref " + ref);

        // a re-export after a verdict: the same ids keep their created; the changed note moves its modified forward
        Thread.sleep(5);
        String findingId = fx.c.findings().list().getFirst().id();
        fx.c.findings().setStatus(findingId, dev.tracehound.timeline.findings.FindingStatus.CONFIRMED, "alice", "checked");
        JsonNode again = JSON.readTree(Exports.export(fx.c, ExportFormat.STIX, null, tmp.resolve("g.stix.json")).file().toFile());
        Map<String, JsonNode> before = new java.util.HashMap<>();
        bundle.path("objects").forEach(o -> before.put(o.path("id").asText(), o));
        int moved = 0;
        for (JsonNode o : again.path("objects")) {
            JsonNode old = before.get(o.path("id").asText());
            assertTrue(old != null, "same ids: " + o.path("id"));
            assertEquals(old.path("created").asText(), o.path("created").asText(), "created never changes: " + o.path("id"));
            boolean changed = !old.equals(o);
            boolean newer = o.path("modified").asText().compareTo(old.path("modified").asText()) > 0;
            if (o.path("type").asText().equals("identity") || o.path("type").asText().equals("attack-pattern")) assertEquals(old, o);
            if (changed) {
                assertTrue(newer, "a changed object has a later modified: " + o);
                moved++;
            }
        }
        assertTrue(moved >= 1, "the confirmed finding's note changed");
    }

    @Test
    void findingFormatsRejectEventSelections() {
        assertThrows(IllegalArgumentException.class, () -> Exports.export(fx.c, ExportFormat.SARIF, EventSelection.annotated(), tmp.resolve("x")));
    }

    static JsonNode tree(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
