package dev.tracehound.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void measuresTheImportOfARealFileFirstColdThenInRounds() throws Exception {
        Path file = claudeCodeSample();
        CliRun run = CliRun.of("bench", "--import", file.toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode n = new ObjectMapper().readTree(run.out());
        assertEquals("claude-code", n.path("format").asText());
        assertTrue(n.path("records").asLong() > 0 && n.path("records_per_s").asDouble() > 0 && n.path("mb_per_s").asDouble() > 0);
        assertEquals(Files.size(file) / 1e6, n.path("file_mb").asDouble(), 1e-9);
        // a small file: the baseline indexes its minimum of 2 MB of text, cold like the import
        assertEquals(2.0, n.path("bare_lucene_text_mb").asDouble(), 0.4, run.out());
        assertFalse(n.path("bare_lucene_warmed_up").asBoolean(true), run.out());

        // the first run: the file's import rate over the bare-Lucene rate of the same amount of synthetic text
        assertEquals(n.path("first_run_mb_per_s").asDouble() / n.path("first_run_bare_lucene_mb_per_s").asDouble(),
                n.path("first_run_ratio_to_bare_lucene").asDouble(), 1e-6);
        assertEquals(n.path("file_mb").asDouble() / n.path("first_run_seconds").asDouble(), n.path("first_run_mb_per_s").asDouble(), 1e-6);
        // an import in a fresh JVM compiles code and collects garbage; both are reported, never negative
        assertTrue(n.path("first_run_jit_compile_seconds").asDouble() > 0, run.out());
        assertTrue(n.has("first_run_gc_seconds") && n.path("first_run_gc_seconds").asDouble() >= 0, run.out());
        assertTrue(n.path("first_run_cpu_seconds").asDouble() > 0, run.out());

        // then five rounds, each a baseline and an import; the headline figures are the medians of the last three
        assertEquals("median of the last 3 of 5 rounds after a first run (the earlier ones warm up)", n.path("measured").asText());
        List<Double> ratios = doubles(n.path("round_ratios"));
        assertEquals(5, ratios.size(), run.out());
        assertEquals(ratios.subList(2, 5).stream().sorted().toList().get(1), n.path("ratio_to_bare_lucene").asDouble(), 1e-3, run.out());
        // every headline figure comes from that one round, so they agree with each other
        // (rounds are listed to three decimals, so two may tie: one of the later three must match on every figure)
        List<Double> cpu = doubles(n.path("round_cpu_ratios")), mb = doubles(n.path("round_mb_per_s")), bare = doubles(n.path("round_bare_lucene_mb_per_s"));
        boolean oneRound = false;
        for (int j = 2; j < 5; j++) {
            oneRound |= Math.abs(ratios.get(j) - n.path("ratio_to_bare_lucene").asDouble()) <= 1e-3
                    && Math.abs(cpu.get(j) - n.path("cpu_ratio_to_bare_lucene").asDouble()) <= 1e-3
                    && Math.abs(mb.get(j) - n.path("mb_per_s").asDouble()) <= 1e-3
                    && Math.abs(bare.get(j) - n.path("bare_lucene_mb_per_s").asDouble()) <= 1e-3;
        }
        assertTrue(oneRound, "the headline is one of the later rounds, whole: " + run.out());
        assertEquals(n.path("mb_per_s").asDouble() / n.path("bare_lucene_mb_per_s").asDouble(), n.path("ratio_to_bare_lucene").asDouble(), 1e-9);
        assertEquals(5, n.path("round_jit_compile_seconds").size());
        assertEquals(n.path("file_mb").asDouble() / n.path("seconds").asDouble(), n.path("mb_per_s").asDouble(), 1e-6);
        assertEquals(n.path("records").asDouble() / n.path("seconds").asDouble(), n.path("records_per_s").asDouble(), 1e-6);
        assertTrue(n.path("bare_lucene_mb_per_s").asDouble() > 0 && n.path("bare_lucene_cpu_seconds_per_mb").asDouble() > 0, run.out());
    }

    @Test
    void withoutRoundsTheFirstRunIsTheMeasurement() throws Exception {
        CliRun run = CliRun.of("bench", "--import", claudeCodeSample().toString(), "--rounds", "0", "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode n = new ObjectMapper().readTree(run.out());
        assertEquals("first run only", n.path("measured").asText());
        assertFalse(n.has("round_ratios"), run.out());
        assertEquals(n.path("first_run_ratio_to_bare_lucene").asDouble(), n.path("ratio_to_bare_lucene").asDouble(), 1e-9);
        assertEquals(n.path("first_run_seconds").asDouble(), n.path("seconds").asDouble(), 1e-9);
        assertEquals(n.path("bare_lucene_cpu_seconds_per_mb").asDouble() / n.path("cpu_seconds_per_mb").asDouble(),
                n.path("cpu_ratio_to_bare_lucene").asDouble(), 1e-6);
    }

    @Test
    void anEvenCountOfRoundsShowsOneOfItsMiddleRoundsWhole() throws Exception {
        CliRun run = CliRun.of("bench", "--import", claudeCodeSample().toString(), "--rounds", "4", "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode n = new ObjectMapper().readTree(run.out());
        List<Double> later = doubles(n.path("round_ratios")).subList(2, 4);
        assertEquals(later.stream().min(Double::compare).orElseThrow(), n.path("ratio_to_bare_lucene").asDouble(), 1e-3, run.out());
        // not a mean of two rounds' speeds: the figures printed together are one round's, and agree
        assertEquals(n.path("mb_per_s").asDouble() / n.path("bare_lucene_mb_per_s").asDouble(), n.path("ratio_to_bare_lucene").asDouble(), 1e-9);
    }

    @Test
    void oneRoundIsItsOwnMedian() throws Exception {
        CliRun run = CliRun.of("bench", "--import", claudeCodeSample().toString(), "--rounds", "1", "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode n = new ObjectMapper().readTree(run.out());
        assertEquals("median of the last 1 of 1 rounds after a first run", n.path("measured").asText());
        assertEquals(n.path("round_ratios").get(0).asDouble(), n.path("ratio_to_bare_lucene").asDouble(), 1e-3);
    }

    @Test
    void roundsOutOfRangeOrWithoutAFileAreUserErrors() throws Exception {
        CliRun many = CliRun.of("bench", "--import", claudeCodeSample().toString(), "--rounds", "21");
        assertEquals(2, many.exit());
        assertTrue(many.err().contains("--rounds must be between 0 and 20, not 21"), many.err());
        CliRun folder = CliRun.of("bench", "--import", claudeCodeSample().getParent().toString());
        assertEquals(2, folder.exit());
        assertTrue(folder.err().contains(" is a folder; --import takes one export file"), folder.err());
        CliRun alone = CliRun.of("bench", "--rounds", "2");
        assertEquals(2, alone.exit());
        assertTrue(alone.err().contains("--rounds goes with --import FILE"), alone.err());
    }

    private static Path claudeCodeSample() throws java.io.IOException {
        Path shared = Path.of(System.getProperty("tracehound.shared", "../../shared"));
        try (var s = Files.walk(shared.resolve("samples/claude-code"))) {
            return s.filter(f -> f.toString().endsWith(".jsonl")).sorted().findFirst().orElseThrow();
        }
    }

    private static List<Double> doubles(JsonNode array) {
        List<Double> out = new java.util.ArrayList<>();
        array.forEach(v -> out.add(v.asDouble()));
        return out;
    }

    @Test
    void tooFewEventsIsAUserError() {
        CliRun run = CliRun.of("bench", "--events", "10");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("at least 1000"), run.err());
    }
}
