package dev.tracehound.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.timeline.store.Cases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidence printed to a terminal can neither reorder what the terminal shows (a right-to-left override makes
 * {@code invoice_<RLO>gpj.exe} read as {@code invoice_exe.jpg}) nor send it escape sequences, in any table or tree.
 */
class HostileTextInTerminalTest {
    private static final String RLO = "\u202E";
    private static final String ESC = "\u001B";

    @TempDir Path dir;

    @Test
    void directionControlsShowAsMarkersAndEscapesNeverReachTheTerminal() throws Exception {
        Path caseDir = dir.resolve("case");
        Cases.create(caseDir, "hostile").close();
        Path file = dir.resolve("chat.jsonl");
        // JSON escapes, as an export writes control characters
        Files.writeString(file, "{\"message\":\"open invoice_\\u202egpj.exe now \\u001b[2J\\u001b]0;owned\\u0007\","
                + "\"datetime\":\"2025-01-01T10:00:00Z\",\"timestamp_desc\":\"chat\",\"session_id\":\"s-\\u202eevil\"}\n");
        assertEquals(0, CliRun.of("import", "--case", caseDir.toString(), "--format", "generic", file.toString()).exit());

        for (String[] command : new String[][] {
                {"search", "--case", caseDir.toString(), "open"},
                {"timeline", "--case", caseDir.toString(), "--session", "s-" + RLO + "evil"},
                {"sessions", "--case", caseDir.toString()}}) {
            CliRun run = CliRun.of(command);
            assertEquals(0, run.exit(), command[0] + ": " + run.err());
            assertFalse(run.out().contains(RLO), command[0] + " printed a raw override:\n" + run.out());
            assertFalse(run.out().contains(ESC), command[0] + " printed an escape sequence:\n" + run.out());
            assertTrue(run.out().contains("\u27E8U+202E\u27E9"), command[0] + " shows no marker:\n" + run.out());
        }
    }
}
