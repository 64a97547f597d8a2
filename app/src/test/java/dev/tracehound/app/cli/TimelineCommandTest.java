package dev.tracehound.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.timeline.store.Cases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineCommandTest {
    /** A real Claude Code 2.0.46 session, trimmed: a Task call whose sub-agent (a sidechain) runs Grep. */
    private static final Path SIDECHAIN = Path.of(System.getProperty("tracehound.shared", "../../shared"),
            "samples/claude-code/daaain_sidechain_integrated.jsonl");
    private static final String SESSION = "88a8d761-7b9a-4bf1-a8ca-c1febe6bf358";

    @TempDir Path dir;

    @Test
    void aSubAgentIsPrintedRightUnderTheCallThatLaunchedIt() {
        Path caseDir = dir.resolve("case");
        Cases.create(caseDir, "sidechain").close();
        assertEquals(0, CliRun.of("import", "--case", caseDir.toString(), SIDECHAIN.toString()).exit());
        CliRun timeline = CliRun.of("timeline", "--case", caseDir.toString(), "--session", SESSION);
        assertEquals(0, timeline.exit(), timeline.err());
        List<String> lines = timeline.out().lines().toList();
        int call = indexOf(lines, "TOOL_CALL      Task");
        int subAgent = indexOf(lines, "session " + SESSION + ":e1c84ba5");
        int grep = indexOf(lines, "TOOL_CALL      Grep");
        int result = indexOf(lines, "TOOL_RESULT    Task");
        int reply = indexOf(lines, "Excellent research!");
        assertEquals(List.of(call + 1, subAgent + 2), List.of(subAgent, grep), timeline.out());
        assertTrue(grep < result && result < reply, "the sub-agent's block comes before the call's result and the reply after it:\n" + timeline.out());
        assertTrue(indent(lines.get(subAgent)) > indent(lines.get(call).substring(25)), "nested under the call:\n" + timeline.out());
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i;
        throw new AssertionError("no line with " + text + " in\n" + String.join("\n", lines));
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }
}
