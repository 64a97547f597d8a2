package dev.tracehound.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehound.importers.run.ImportRun;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** analyze, findings, finding-status and timeline over a real case holding real ASB runs. */
class AnalysisCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int code, String out, String err) {}

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void analyseReviewReanalyseAndShowTheTimeline(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("case");
        try (Case c = Cases.create(dir, "asb")) {
            new ImportRun(c, List.of(Path.of("src/test/resources/eval-corpus/asb/asb-indirect-injection.jsonl")), "chat", null).run();
        }

        Run analyze = cli("analyze", "--case", dir.toString(), "--json");
        assertEquals(0, analyze.code(), analyze.err());
        JsonNode counts = JSON.readTree(analyze.out());
        assertEquals(3, counts.get("sessions").asInt());
        assertEquals(0, counts.get("retired").asInt(), "a first analysis has nothing to retire");
        assertEquals(2, counts.at("/by_detector/tool-abuse").properties().stream().mapToInt(e -> e.getValue().asInt()).sum());

        JsonNode findings = JSON.readTree(cli("findings", "--case", dir.toString(), "--json").out());
        JsonNode abuse = null;
        for (JsonNode f : findings) {
            assertTrue(f.has("atlas") && f.has("owasp") && f.has("events") && f.has("explanation"));
            if (f.get("detector").asText().equals("tool-abuse") && f.get("session").asText().equals("asb-indirect-injection-0002")) abuse = f;
        }
        assertEquals("CRITICAL", abuse.get("severity").asText());
        assertTrue(abuse.get("atlas").toString().contains("AML.T0053"));

        String id = abuse.get("id").asText();
        Run status = cli("finding-status", "--case", dir.toString(), id, "confirmed", "--note", "attacker tool called");
        assertEquals(0, status.code(), status.err());
        assertEquals(0, cli("analyze", "--case", dir.toString()).code());
        JsonNode confirmed = JSON.readTree(cli("findings", "--case", dir.toString(), "--json", "--status", "confirmed").out());
        assertEquals(1, confirmed.size(), "re-analysis keeps the investigator's verdict");
        assertEquals(id, confirmed.get(0).get("id").asText());

        Run bad = cli("finding-status", "--case", dir.toString(), id, "maybe");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("new, confirmed or false-positive"));

        Run timeline = cli("timeline", "--case", dir.toString(), "--session", "asb-indirect-injection-0002");
        assertEquals(0, timeline.code(), timeline.err());
        assertTrue(timeline.out().contains("TOOL_CALL") && timeline.out().contains("CareDeprivation"), timeline.out());
        JsonNode tree = JSON.readTree(cli("timeline", "--case", dir.toString(), "--session", "asb-indirect-injection-0002", "--json").out());
        assertTrue(tree.get("tool_exchanges").size() >= 2);
        // every time in the same width (milliseconds), so the columns line up
        // every event line starts with its time ("~": inferred from record order, as in this corpus), then the legend
        List<String> lines = timeline.out().lines().toList();
        assertEquals(dev.tracehound.app.format.TimeFormat.INFERRED_LEGEND, lines.getLast(), timeline.out());
        assertTrue(lines.subList(1, lines.size() - 1).stream().allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z[ ~] .*")), timeline.out());
        // a start of an id shared by several sessions says so (ImportCommandTest opens one by the start of its id)
        Run shared = cli("timeline", "--case", dir.toString(), "--session", "asb-indirect-injection-000");
        assertEquals(2, shared.code());
        assertTrue(shared.err().matches("tracehound: \\d+ sessions start with asb-indirect-injection-000 \\(.*\\); give more of the id\\s*"), shared.err());

        try (Case c = Cases.open(dir)) {
            assertTrue(c.audit().entries().stream().filter(e -> e.action().equals("analyze")).count() >= 2);
        }
    }
}
