package dev.tracehound.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventFlag;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import dev.tracehound.timeline.store.Ingest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source without clocks gets times inferred from record order: the epoch plus a microsecond per record, so the
 * first event's time is exactly 0. That is a time like any other: every output prints it (1970-01-01T00:00:00Z), none
 * as null or blank, and each shows that it was inferred (the TIME_INFERRED flag, a "~" in tables, "(inferred)" in
 * reports). Before, search and sessions JSON said null and the tables were blank while CSV said 1970.
 */
class InferredTimeOutputsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String EPOCH = "1970-01-01T00:00:00Z";

    @TempDir Path tmp;
    String dir;
    Event first;

    @BeforeEach
    void setUp() throws Exception {
        Path caseDir = tmp.resolve("case");
        dir = caseDir.toString();
        Path file = tmp.resolve("transcript.jsonl");
        Files.writeString(file, "{\"messages\":[]}\n");
        try (Case c = Cases.create(caseDir, "no clocks")) {
            EvidenceRecord ev = c.evidence().add(file, "chat");
            first = Event.builder(ev.sha256(), "line:1#msg0").sessionId("chat-1").sequence(0).startNanos(0)
                    .kind(EventKind.USER_MESSAGE).actor("user").text("first question").flag(EventFlag.TIME_INFERRED).build();
            Event second = Event.builder(ev.sha256(), "line:1#msg1").sessionId("chat-1").sequence(1).startNanos(1_000)
                    .kind(EventKind.MODEL_RESPONSE).actor("assistant").text("an answer").flag(EventFlag.TIME_INFERRED).build();
            Event recorded = Event.builder(ev.sha256(), "line:2").sessionId("otel-1").sequence(0).startNanos(1_773_137_524_118_000_000L)
                    .kind(EventKind.USER_MESSAGE).actor("user").text("a recorded question").build();
            try (Ingest in = c.ingest(ev, "tester")) {
                in.add(first);
                in.add(second);
                in.add(recorded);
                in.commit();
            }
            c.annotations().star(first.eventId(), true, "tester");
        }
    }

    @Test
    void searchPrintsTheEpochAndTheFlagNotNullOrBlank() throws Exception {
        CliRun json = CliRun.of("search", "--case", dir, "--json", "session:chat-1");
        assertEquals(0, json.exit(), json.err());
        JsonNode e = JSON.readTree(json.out()).path("events").get(0);
        assertEquals(first.eventId(), e.path("eventId").asText());
        assertEquals(EPOCH, e.path("time").asText(null), json.out());
        assertEquals(0, e.path("startNanos").asLong(-1));
        assertEquals("TIME_INFERRED", e.path("flags").get(0).asText());

        CliRun table = CliRun.of("search", "--case", dir, "session:chat-1");
        assertTrue(table.out().contains("1970-01-01 00:00:00.000~  USER_MESSAGE"), table.out());
        assertTrue(table.out().contains("~ time inferred from record order"), table.out());
        CliRun recorded = CliRun.of("search", "--case", dir, "session:otel-1");
        assertTrue(recorded.out().contains("2026-03-10 10:12:04.118  USER_MESSAGE"), recorded.out());
        assertFalse(recorded.out().contains("~"), "no mark and no legend without inferred times: " + recorded.out());
    }

    @Test
    void sessionsPrintTheEpochAndSayTheTimesAreInferred() throws Exception {
        CliRun json = CliRun.of("sessions", "--case", dir, "--json");
        assertEquals(0, json.exit(), json.err());
        for (JsonNode s : JSON.readTree(json.out()).path("sessions")) {
            if (s.path("sessionId").asText().equals("chat-1")) {
                assertEquals(EPOCH, s.path("start").asText(null), json.out());
                assertEquals("1970-01-01T00:00:00.000001Z", s.path("end").asText(null));
                assertTrue(s.path("timesInferred").asBoolean(false));
            } else {
                assertEquals("2026-03-10T10:12:04.118Z", s.path("start").asText(null));
                assertFalse(s.path("timesInferred").asBoolean(true));
            }
        }
        CliRun table = CliRun.of("sessions", "--case", dir);
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith("chat-1") && l.contains("1970-01-01 00:00:00.000~")), table.out());
        assertTrue(table.out().contains("~ time inferred from record order"), table.out());
    }

    @Test
    void timelineCsvTimesketchAndReportAgree() throws Exception {
        CliRun timeline = CliRun.of("timeline", "--case", dir, "--session", "chat-1", "--json");
        assertEquals(0, timeline.exit(), timeline.err());
        JsonNode node = JSON.readTree(timeline.out()).path("events").get(0);
        assertEquals(EPOCH, node.path("time").asText());
        assertEquals("TIME_INFERRED", node.path("flags").get(0).asText(), timeline.out());
        assertTrue(CliRun.of("timeline", "--case", dir, "--session", "chat-1").out().contains("~ time inferred from record order"));

        Path csv = tmp.resolve("events.csv");
        assertEquals(0, CliRun.of("export", "--case", dir, "--format", "csv", "--query", "session:chat-1", "--out", csv.toString()).exit());
        List<String> rows = Files.readAllLines(csv);
        assertTrue(rows.getFirst().endsWith(",notes,flags"), rows.getFirst());
        assertTrue(rows.get(1).startsWith(EPOCH + "," + first.eventId() + ","), rows.get(1));
        assertTrue(rows.get(1).endsWith(",TIME_INFERRED"), rows.get(1));

        Path ts = tmp.resolve("events.timesketch.jsonl");
        assertEquals(0, CliRun.of("export", "--case", dir, "--format", "timesketch", "--query", "session:chat-1", "--out", ts.toString()).exit());
        JsonNode line = JSON.readTree(Files.readAllLines(ts).getFirst());
        assertEquals(EPOCH, line.path("datetime").asText());
        assertEquals(0, line.path("timestamp").asLong(-1));
        assertEquals("TIME_INFERRED", line.path("flags").get(0).asText(), line.toString());

        Path md = tmp.resolve("report.md");
        assertEquals(0, CliRun.of("report", "--case", dir, "--format", "md", "--out", md.toString()).exit());
        assertTrue(Files.readString(md).contains("- **" + EPOCH + " \\(inferred\\)** USER\\_MESSAGE"), Files.readString(md));
    }
}
