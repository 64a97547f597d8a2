package dev.tracehound.importers.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tracehound.importers.CollectingSink;
import dev.tracehound.importers.FileHeads;
import dev.tracehound.importers.ImportFixture;
import dev.tracehound.importers.Importer;
import dev.tracehound.importers.Importers;
import dev.tracehound.importers.claudecode.ClaudeCodeImporter;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JSONL export whose first record is huge (a long transcript, a big tool output) is still JSON lines, for every
 * format that reads JSONL: detected as its format and read line by line, giving what the same file with a small
 * first record gives.
 */
class HugeFirstRecordTest {
    /** Past the head detection reads (64 KiB) and past the 1 MB QA tried. */
    private static final int PADDING = 3 << 20;

    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"chat", "generic", "langsmith", "langfuse", "claude-code", "codex", "mcp", "tracehound", "otlp"})
    void aHugeFirstRecordIsStillReadLineByLine(String format) throws Exception {
        List<String> lines = linesOf(format);
        Path small = write("small-" + format + ".jsonl", lines);
        List<String> padded = new ArrayList<>(lines);
        padded.set(0, pad(lines.get(0)));
        Path huge = write("huge-" + format + ".jsonl", padded);
        assertTrue(Files.size(huge) > PADDING);

        Importer importer = Importers.byFormat(format);
        assertEquals(format, Importers.detect(FileHeads.read(small)).format(), "the small file is " + format);
        assertEquals(format, Importers.detect(FileHeads.read(huge)).format(), "a huge first record does not hide the format");
        assertTrue(RecordStream.isJsonLines(ImportFixture.source(huge)), "JSON lines, not one document");

        CollectingSink expected = ImportFixture.importFile(importer, small);
        CollectingSink sink = ImportFixture.importFile(importer, huge);
        assertEquals(0, expected.quarantined(), expected.reasons());
        assertEquals(0, sink.quarantined(), sink.reasons());
        assertEquals(expected.records(), sink.records());
        assertEquals(expected.events.stream().map(e -> e.kind() + " " + e.locator()).toList(),
                sink.events.stream().map(e -> e.kind() + " " + e.locator()).toList());
        assertTrue(sink.events.stream().anyMatch(e -> e.locator().startsWith("line:1")), "locators are lines");

    }

    @Test
    void theFieldsThatNameTheFormatMayComeAfterTheHugeText() throws Exception {
        // a Claude Code line whose huge message comes before its type and session, gzipped as a collection would keep it
        String big = "{\"message\":{\"role\":\"user\",\"content\":\"" + "y".repeat(PADDING) + "\"},\"type\":\"user\","
                + "\"sessionId\":\"s-1\",\"uuid\":\"u-1\",\"timestamp\":\"2025-03-01T10:00:00Z\"}";
        String next = "{\"type\":\"assistant\",\"sessionId\":\"s-1\",\"uuid\":\"u-2\",\"parentUuid\":\"u-1\",\"timestamp\":\"2025-03-01T10:00:01Z\","
                + "\"message\":{\"id\":\"m-1\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}]}}";
        Path file = Files.write(dir.resolve("session.jsonl.gz"), ImportFixture.gzip((big + "\n" + next + "\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals("claude-code", Importers.detect(FileHeads.read(file)).format());
        CollectingSink sink = ImportFixture.importFile(new ClaudeCodeImporter(), file);
        assertEquals(0, sink.quarantined(), sink.reasons());
        assertEquals(List.of("line:1", "line:2"), sink.events.stream().map(Event::locator).toList());
        assertEquals(PADDING, sink.events.get(0).text().length());
    }

    private Path write(String name, List<String> lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    /** The record with its longest string made {@link #PADDING} characters longer. */
    private static String pad(String line) throws IOException {
        JsonNode root = Json.MAPPER.readTree(line);
        Object[] longest = {null, null, -1};
        findLongest(root, longest);
        ObjectNode parent = (ObjectNode) longest[0];
        String field = (String) longest[1];
        parent.set(field, TextNode.valueOf(parent.get(field).asText() + "x".repeat(PADDING)));
        return Json.write(root);
    }

    private static void findLongest(JsonNode node, Object[] longest) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                if (field.getValue().isTextual() && field.getValue().asText().length() > (int) longest[2]) {
                    longest[0] = node;
                    longest[1] = field.getKey();
                    longest[2] = field.getValue().asText().length();
                }
                findLongest(field.getValue(), longest);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) findLongest(element, longest);
        }
    }

    private static List<String> linesOf(String format) throws IOException {
        return switch (format) {
            case "chat" -> lines(ImportFixture.resource("samples/chat/otelcontrib_tool_calls_pairs.jsonl"));
            case "generic" -> List.of(
                    "{\"message\":\"User asked for the wire transfer\",\"datetime\":\"2025-03-01T10:00:00Z\",\"timestamp_desc\":\"Chat\",\"kind\":\"USER_MESSAGE\",\"session_id\":\"c-1\"}",
                    "{\"message\":\"tool send_money\",\"timestamp\":1740823205000000,\"timestamp_desc\":\"Tool\",\"kind\":\"tool_call\",\"tool_name\":\"send_money\",\"session_id\":\"c-1\"}");
            case "langsmith" -> List.of(minified("samples/langsmith/langsmith_js_wrap_openai_default.json"),
                    minified("samples/langsmith/langsmith_js_wrap_openai_stream.json"));
            case "langfuse" -> List.of(minified("samples/langfuse/agentprism_langfuse-1.json"),
                    minified("samples/langfuse/langfuse_crewai-2025-07-11.trace.json"));
            case "claude-code" -> lines(ImportFixture.resource("samples/claude-code/daaain_sidechain_integrated.jsonl"));
            case "codex" -> lines(ImportFixture.resource("samples/codex/daaain_codex_rollout_synthetic.jsonl"));
            case "mcp" -> lines(ImportFixture.resource("samples/mcp/gateway_wrapped.jsonl"));
            case "otlp" -> List.of(minified("samples/otlp/otlpproto_examples_trace.json"),
                    minified("samples/otlp/agentprism_rag_earnings_agent.otlp.json"));
            case "tracehound" -> {
                CollectingSink events = ImportFixture.importFile(new ClaudeCodeImporter(),
                        ImportFixture.resource("samples/claude-code/daaain_sidechain_integrated.jsonl"));
                List<String> out = new ArrayList<>();
                for (Event e : events.events) out.add(Json.write(EventJson.toJson(e)));
                yield out;
            }
            default -> throw new IllegalArgumentException(format);
        };
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
    }

    private static String minified(String resource) throws IOException {
        return Json.write(Json.MAPPER.readTree(ImportFixture.resource(resource).toFile()));
    }
}
