package dev.tracehound.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry finds the right importer for real samples, claims nothing it cannot read, and says what to do. */
class DetectionTest {
    @Test
    void registryListsEveryFormatOnce() {
        assertEquals(List.of("chat", "claude-code", "codex", "generic", "mcp", "tracehound"),
                Importers.formats().stream().filter(f -> List.of("chat", "claude-code", "codex", "generic", "mcp", "tracehound").contains(f)).toList());
        assertEquals(Importers.formats().stream().distinct().count(), Importers.formats().size());
    }

    @Test
    void unknownFormatNamesTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Importers.byFormat("claude"));
        assertTrue(e.getMessage().startsWith("unknown format 'claude'; known formats: chat, claude-code"), e.getMessage());
    }

    @Test
    void theseImportersDoNotClaimOtherFormatsSamples() throws Exception {
        for (String sample : List.of("mcp/langsmith_anthropic_managed_mcp_tools.jsonl", "langfuse/langfuse_crewai-2025-07-11.trace.json",
                "otel-genai/otlpproto_examples_trace.json", "langsmith/langsmith_js_wrap_openai_default.json")) {
            FileHead head = FileHeads.read(ImportFixture.shared("samples/" + sample));
            for (String mine : List.of("claude-code", "codex", "generic", "mcp", "tracehound")) {
                assertTrue(Importers.byFormat(mine).detect(head) < Importers.MIN_CONFIDENCE, mine + " claims " + sample);
            }
            assertTrue(Importers.byFormat("chat").detect(head) <= 40, "chat stays below specific importers on " + sample);
        }
    }

    @Test
    void unrecognisedFileSaysToUseFormat(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "just some text\nnothing structured\n");
        var e = assertThrows(IllegalArgumentException.class, () -> Importers.detect(file));
        assertTrue(e.getMessage().startsWith("could not recognise the format of notes.txt; use --format with one of "), e.getMessage());
    }
}
