package dev.tracehound.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file whose import was stopped leaves its events partly in the case; every reading command says so, and how to
 * complete it, until the file is imported again.
 */
class UnfinishedImportWarningTest {
    @TempDir Path dir;

    @Test
    void readingCommandsWarnOfAnImportThatDidNotFinishUntilItIsCompleted() throws Exception {
        Path caseDir = dir.resolve("case");
        Path file = dir.resolve("chat.jsonl");
        Files.writeString(file, "{\"message\":\"hello\",\"datetime\":\"2025-01-01T10:00:00Z\",\"timestamp_desc\":\"chat\"}\n");
        try (Case c = Cases.create(caseDir, "stopped")) {
            c.evidence().add(file, "generic"); // kept as evidence, marked importing, then the program stopped
        }
        String warning = "tracehound: warning: the import of " + file.toAbsolutePath() + " did not finish, so only part of its events are in"
                + " the case; run `tracehound import --case " + caseDir + " " + file.toAbsolutePath() + "` to complete it";
        for (String command : new String[] {"sessions", "search", "quarantine"}) {
            CliRun run = command.equals("search") ? CliRun.of(command, "--case", caseDir.toString(), "hello") : CliRun.of(command, "--case", caseDir.toString());
            assertEquals(0, run.exit(), command + ": " + run.err());
            assertTrue(run.err().contains(warning), command + ": " + run.err());
        }

        assertEquals(0, CliRun.of("import", "--case", caseDir.toString(), file.toString()).exit());
        CliRun after = CliRun.of("sessions", "--case", caseDir.toString());
        assertFalse(after.err().contains("did not finish"), after.err());
    }
}
