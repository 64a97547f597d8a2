package dev.tracehound.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehound.timeline.store.Cases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tracehound quarantine}: every record imports set aside, per evidence file, with its locator and reason. */
class QuarantineCommandTest {
    private static final String GOOD = "{\"message\":\"fine\",\"datetime\":\"2025-01-01T10:00:00Z\",\"timestamp_desc\":\"chat\"}\n";

    @TempDir Path dir;

    @Test
    void listsTheQuarantinedRecordsOfEveryFileOrOneAndEscapesWhatTheyQuote() throws Exception {
        Path caseDir = dir.resolve("case");
        Cases.create(caseDir, "q").close();
        Path bad = dir.resolve("bad.jsonl");
        // line 2 is cut short, line 3 is not JSON and quotes a direction override and an escape sequence
        Files.writeString(bad, GOOD + "{\"message\":\"cut\n" + "not json \u202Egpj.exe \u001B[2J\n" + GOOD);
        Path clean = dir.resolve("clean.jsonl");
        Files.writeString(clean, GOOD.replace("fine", "also fine"));
        CliRun imported = CliRun.of("import", "--case", caseDir.toString(), "--format", "generic", bad.toString(), clean.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertFalse(imported.out().contains("\u202E") || imported.out().contains("\u001B"), "the import's own list is escaped:\n" + imported.out());

        CliRun text = CliRun.of("quarantine", "--case", caseDir.toString());
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("line:2") && text.out().contains("line:3"), text.out());
        assertTrue(text.out().contains("bad.jsonl") && !text.out().contains("clean.jsonl"), text.out());
        assertTrue(text.out().contains("2 quarantined records."), text.out());
        assertFalse(text.out().contains("\u202E") || text.out().contains("\u001B"), text.out());
        assertTrue(text.out().contains("\u27E8U+202E\u27E9"), "the override shows as a marker:\n" + text.out());

        JsonNode json = new ObjectMapper().readTree(CliRun.of("quarantine", "--case", caseDir.toString(), "--json").out());
        assertEquals(2, json.get("quarantined").asLong());
        assertEquals(2, json.get("records").size());
        assertEquals("line:2", json.get("records").get(0).get("locator").asText());
        assertEquals(bad.toAbsolutePath().toString(), json.get("records").get(0).get("file").asText());
        String badSha = json.get("records").get(0).get("evidence_sha256").asText();
        assertTrue(json.get("records").get(1).get("excerpt").asText().contains("\u202E"), "JSON keeps the evidence as it is");

        JsonNode one = new ObjectMapper().readTree(CliRun.of("quarantine", "--case", caseDir.toString(), "--evidence", badSha.substring(0, 10),
                "--limit", "1", "--json").out());
        assertEquals(2, one.get("quarantined").asLong());
        assertEquals(1, one.get("listed").asLong(), "--limit caps the list, not the count");

        CliRun limited = CliRun.of("quarantine", "--case", caseDir.toString(), "--limit", "1");
        assertTrue(limited.out().contains("2 quarantined records, 1 listed (--limit 1 per evidence file)."), limited.out());

        CliRun unknown = CliRun.of("quarantine", "--case", caseDir.toString(), "--evidence", "ffffffffffff");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no evidence file in this case has a SHA-256 starting with ffffffffffff")
                && unknown.err().contains("bad.jsonl") && unknown.err().contains("clean.jsonl"), unknown.err());

        String cleanSha = new ObjectMapper().readTree(CliRun.of("import", "--case", caseDir.toString(), "--json", clean.toString()).out())
                .get("evidence_sha256").asText();
        CliRun none = CliRun.of("quarantine", "--case", caseDir.toString(), "--evidence", cleanSha);
        assertEquals(0, none.exit(), none.err());
        assertTrue(none.out().contains("No record was quarantined in this evidence file."), none.out());
    }
}
