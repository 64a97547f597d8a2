package dev.tracehound.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehound.app.testing.SmallCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseCommandsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void createsACaseAndRefusesToCreateItTwice() throws Exception {
        Path dir = tmp.resolve("new-case");
        CliRun first = CliRun.of("case", "create", dir.toString(), "--name", "Phishing 42");
        assertEquals(0, first.exit(), first.err());
        assertTrue(Files.isRegularFile(dir.resolve("case.json")));
        assertTrue(first.out().contains("Phishing 42"));

        CliRun info = CliRun.of("case", "info", "--case", dir.toString(), "--json");
        assertEquals(0, info.exit(), info.err());
        assertEquals("Phishing 42", JSON.readTree(info.out()).path("name").asText());

        CliRun second = CliRun.of("case", "create", dir.toString());
        assertEquals(2, second.exit());
        assertEquals(1, second.err().strip().lines().count(), "one actionable line: " + second.err());
        assertTrue(second.err().contains("already holds a case"), second.err());
    }

    @Test
    void sessionsListsEverySessionWithItsEventCount() throws Exception {
        SmallCase c = SmallCase.build(tmp);
        CliRun run = CliRun.of("sessions", "--case", c.dir.toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode sessions = JSON.readTree(run.out()).path("sessions");
        assertEquals(3, sessions.size());
        long alpha = 0;
        for (JsonNode s : sessions) if (s.path("sessionId").asText().equals("s-alpha")) alpha = s.path("events").asLong();
        assertEquals(7, alpha);

        CliRun human = CliRun.of("sessions", "--case", c.dir.toString());
        assertTrue(human.out().contains("s-gamma") && human.out().contains("3 sessions."), human.out());
    }

    @Test
    void verifyPassesOnAnIntactCaseAndNamesTheBrokenEvidence() throws Exception {
        SmallCase c = SmallCase.build(tmp);
        CliRun ok = CliRun.of("verify", "--case", c.dir.toString());
        assertEquals(0, ok.exit(), ok.out() + ok.err());
        assertTrue(ok.out().startsWith("Intact"), ok.out());

        Path stored;
        try (var files = Files.list(c.dir.resolve("evidence"))) {
            stored = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        Files.setPosixFilePermissions(stored, EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        Files.writeString(stored, "tampered\n", java.nio.file.StandardOpenOption.APPEND);

        CliRun broken = CliRun.of("verify", "--case", c.dir.toString());
        assertEquals(1, broken.exit(), broken.out());
        assertTrue(broken.out().startsWith("NOT INTACT: "), broken.out());
        assertTrue(broken.out().contains("export.jsonl") && broken.out().contains("changed"), broken.out());
    }

    @Test
    void aMissingCaseIsOneActionableLine() {
        CliRun run = CliRun.of("sessions", "--case", tmp.resolve("nope").toString());
        assertEquals(2, run.exit());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("no case") || run.err().contains("does not exist"), run.err());
    }
}
