package dev.tracehound.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import dev.tracehound.timeline.store.Ingest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's reading commands share a case: while {@code tracehound search} runs in another process (a real one, held
 * with the case open by not reading its output), searches, session lists, timelines, findings, {@code case info} and
 * {@code verify} run here, without the note printed for read-only cases, and a command that changes the case is told
 * the case is being read, until the other search has finished.
 */
class SharedReadingCommandsTest {
    private static final int EVENTS = 600;
    @TempDir Path tmp;
    Process holder;

    @AfterEach
    void stopHolder() throws InterruptedException {
        if (holder != null) {
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void readingCommandsRunWhileAnotherProcessSearchesTheCaseAndAWriterWaitsForIt() throws Exception {
        Path dir = caseWithLongEvents();
        String caseDir = dir.toString();
        // its JSON (every event's 2,000-character text) is far more than a pipe holds: unread, it keeps the case open
        holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "dev.tracehound.app.Main",
                "search", "--case", caseDir, "--json", "--limit", "10000", "ledger")
                .redirectError(tmp.resolve("holder.err").toFile()).start();
        InputStream held = holder.getInputStream();
        byte[] first = new byte[1];
        assertEquals(1, held.readNBytes(first, 0, 1), "the other search prints: " + Files.readString(tmp.resolve("holder.err")));
        assertTrue(holder.isAlive(), "it has the case open until its output is read");

        CliRun search = CliRun.of("search", "--case", caseDir, "ledger");
        assertEquals(0, search.exit(), search.err());
        assertTrue(search.out().contains("50 of " + EVENTS + " matching events shown."), search.out());
        assertEquals("", search.err(), "an ordinary case read by two programs is nothing to note");
        for (String[] read : List.of(new String[] {"sessions"}, new String[] {"timeline", "--session", "s-1"}, new String[] {"findings"},
                new String[] {"verify"}, new String[] {"playbook", "status"}, new String[] {"case", "info", "--json"}, new String[] {"quarantine"})) {
            CliRun run = CliRun.of(Stream.concat(Stream.of(read), Stream.of("--case", caseDir)).toArray(String[]::new));
            assertEquals(0, run.exit(), String.join(" ", read) + ": " + run.err());
            assertEquals("", run.err(), String.join(" ", read));
            if (read[0].equals("case")) {
                JsonNode info = new ObjectMapper().readTree(run.out());
                assertFalse(info.get("readOnly").asBoolean(), "the case can change; it was only read: " + run.out());
                assertEquals(EVENTS, info.get("events").asInt());
            }
        }
        String eventId = new ObjectMapper().readTree(CliRun.of("search", "--case", caseDir, "--json", "--limit", "1", "ledger").out())
                .path("events").get(0).get("eventId").asText();

        CliRun annotate = CliRun.of("annotate", "--case", caseDir, eventId, "--star");
        assertEquals(2, annotate.exit(), annotate.out());
        assertTrue(annotate.err().startsWith("tracehound: The case is open for reading by another program (a search, timeline or other"
                + " reading command, or a program reading a read-only case), and a case is changed only while no other program has it open."
                + " Wait for the reading to end, then run this again"), annotate.err());

        JsonNode page = new ObjectMapper().readTree(new String(first, StandardCharsets.UTF_8) + new String(held.readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(holder.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, holder.exitValue(), Files.readString(tmp.resolve("holder.err")));
        assertEquals(EVENTS, page.get("events").size());
        assertEquals("", Files.readString(tmp.resolve("holder.err")));

        annotate = CliRun.of("annotate", "--case", caseDir, eventId, "--star");
        assertEquals(0, annotate.exit(), annotate.err());
    }

    /** A closed case of {@link #EVENTS} notes, each with a 2,000-character text, in sessions of 100. */
    private Path caseWithLongEvents() throws Exception {
        Path dir = tmp.resolve("case");
        Path file = tmp.resolve("notes.jsonl");
        Files.writeString(file, "{}\n".repeat(EVENTS));
        try (Case c = Cases.create(dir, "shared reading")) {
            EvidenceRecord ev = c.evidence().add(file, "jsonl");
            try (Ingest in = c.ingest(ev, "tester")) {
                for (int i = 1; i <= EVENTS; i++) {
                    in.add(Event.builder(ev.sha256(), "line:" + i).sessionId("s-" + (i - 1) / 100).sequence(i)
                            .startNanos(1_735_725_600_000_000_000L + i * 1_000_000_000L).kind(EventKind.NOTE)
                            .text("ledger line " + i + " " + "x".repeat(2_000)).build());
                }
                in.commit();
            }
        }
        return dir;
    }
}
