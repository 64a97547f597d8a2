package dev.tracehound.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
    @Test
    void syntheticRunPrintsTheFiguresAsOneJsonObject() throws Exception {
        CliRun run = CliRun.of("bench", "--events", "1000", "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode n = new ObjectMapper().readTree(run.out());
        assertEquals(1000, n.path("events").asInt());
        assertTrue(n.path("import_events_per_s").asDouble() > 0);
        assertTrue(n.has("search_term_p50_ms"));
    }

    @Test
    void measuresTheImportOfARealFile() throws Exception {
        Path shared = Path.of(System.getProperty("tracehound.shared", "../../shared"));
        Path file;
        try (var s = Files.walk(shared.resolve("samples/claude-code"))) {
            file = s.filter(f -> f.toString().endsWith(".jsonl")).sorted().findFirst().orElseThrow();
        }
        CliRun run = CliRun.of("bench", "--import", file.toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode n = new ObjectMapper().readTree(run.out());
        assertEquals("claude-code", n.path("format").asText());
        assertTrue(n.path("records").asLong() > 0 && n.path("records_per_s").asDouble() > 0 && n.path("mb_per_s").asDouble() > 0);
        // the ratio is the file's import rate over the bare-Lucene rate of the same amount of synthetic text
        assertTrue(n.path("bare_lucene_mb_per_s").asDouble() > 0, run.out());
        // a small file: the baseline indexes its minimum of 2 MB of text, cold like the import
        assertEquals(2.0, n.path("bare_lucene_text_mb").asDouble(), 0.4, run.out());
        assertFalse(n.path("bare_lucene_warmed_up").asBoolean(true), run.out());
        assertEquals(n.path("mb_per_s").asDouble() / n.path("bare_lucene_mb_per_s").asDouble(),
                n.path("ratio_to_bare_lucene").asDouble(), 1e-6);
        assertTrue(n.path("cpu_seconds").asDouble() > 0, run.out());
        // and in CPU time: the baseline's CPU seconds per MB over the import's
        assertEquals(n.path("cpu_seconds").asDouble() / n.path("file_mb").asDouble(), n.path("cpu_seconds_per_mb").asDouble(), 1e-9);
        assertTrue(n.path("bare_lucene_cpu_seconds_per_mb").asDouble() > 0, run.out());
        assertEquals(n.path("bare_lucene_cpu_seconds_per_mb").asDouble() / n.path("cpu_seconds_per_mb").asDouble(),
                n.path("cpu_ratio_to_bare_lucene").asDouble(), 1e-6);
        // an import in a fresh JVM compiles code and collects garbage; both are reported, never negative
        assertTrue(n.path("jit_compile_seconds").asDouble() > 0, run.out());
        assertTrue(n.has("gc_seconds") && n.path("gc_seconds").asDouble() >= 0, run.out());
        assertEquals(Files.size(file) / 1e6, n.path("file_mb").asDouble(), 1e-9);
    }

    @Test
    void tooFewEventsIsAUserError() {
        CliRun run = CliRun.of("bench", "--events", "10");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("at least 1000"), run.err());
    }
}
