package dev.tracehound.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehound.app.testing.SmallCase;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    static SmallCase sample;

    @BeforeAll
    static void buildCase() throws Exception {
        sample = SmallCase.build(tmp);
    }

    @Test
    void humanOutputIsATableOfTheHits() {
        CliRun run = CliRun.of("search", "--case", sample.dir.toString(), "tool:send_email");
        assertEquals(0, run.exit(), run.err());
        String[] lines = run.out().split("\n");
        assertTrue(lines[0].startsWith("TIME (UTC)") && lines[0].contains("SESSION"), lines[0]);
        assertTrue(run.out().contains("TOOL_CALL") && run.out().contains("2025-01-01 10:00:06.000"), run.out());
        assertTrue(run.out().contains("2 of 2 matching events shown."), run.out());
    }

    @Test
    void jsonPagesWithCursorsWithoutRepeatsOrGaps() throws Exception {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        long total = -1;
        int pages = 0;
        do {
            CliRun run = cursor == null
                    ? CliRun.of("search", "--case", sample.dir.toString(), "--json", "--limit", "10", "session:s-*")
                    : CliRun.of("search", "--case", sample.dir.toString(), "--json", "--limit", "10", "--cursor", cursor, "session:s-*");
            assertEquals(0, run.exit(), run.err());
            JsonNode page = JSON.readTree(run.out());
            total = page.path("total").asLong();
            for (JsonNode e : page.path("events")) {
                assertTrue(seen.add(e.path("eventId").asText()), "no repeats");
                assertTrue(e.path("evidence").path("locator").asText().startsWith("line:"));
            }
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(sample.events.size(), total);
        assertEquals(total, seen.size());
        assertEquals(4, pages);
    }

    @Test
    void scoreSortPutsTheBestMatchFirst() throws Exception {
        CliRun run = CliRun.of("search", "--case", sample.dir.toString(), "--json", "--sort", "score", "ignore previous instructions");
        assertEquals(0, run.exit(), run.err());
        JsonNode first = JSON.readTree(run.out()).path("events").get(0);
        assertTrue(first.path("text").asText().contains("ignore previous instructions"));
    }

    @Test
    void badSyntaxIsOneLineWithTheColumnAndExit2() {
        CliRun run = CliRun.of("search", "--case", sample.dir.toString(), "kind:TOOL_CALL AND (");
        assertEquals(2, run.exit());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("column"), run.err());
        assertNotEquals("", run.err());
    }

    @Test
    void badOptionsAreExplained() {
        CliRun run = CliRun.of("search", "--case", sample.dir.toString(), "--sort", "size", "x");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--sort must be time or score"), run.err());
    }
}
