package dev.tracehound.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.importers.codex.CodexImporter;
import dev.tracehound.importers.otlp.OtlpImporter;
import dev.tracehound.timeline.event.EventKind;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A file read with a format it is not ({@code --format otlp} on a chat transcript) has every record quarantined, or
 * is refused as unreadable: a record of the wrong shape never counts as converted while giving no event, which
 * would mark the evidence complete with nothing in the case. Records of the right format that hold nothing (an
 * OTLP request without spans) are not quarantined.
 */
class WrongFormatTest {
    private record Sample(String format, String name, String content) {}

    private static List<Sample> samples() throws IOException {
        List<Sample> samples = new ArrayList<>();
        String[][] files = {
            {"otlp", "samples/otlp/agentprism_rag_earnings_agent.otlp.json"},
            {"otlp", "samples/otlp/otlpproto_examples_trace.json"},
            {"langfuse", "samples/langfuse/langfuse_crewai-2025-07-11.trace.json"},
            {"langfuse", "samples/langfuse/agentprism_langfuse-1.json"},
            {"langsmith", "samples/langsmith/langsmith_js_wrap_openai_default.json"},
            {"claude-code", "samples/claude-code/simonw_sample_session.jsonl"},
            {"claude-code", "samples/claude-code/simonw_sample_session_webexport.json"},
            {"codex", "samples/codex/simonw_sample_codex_session.jsonl"},
            {"chat", "samples/chat/anthropic_pair.json"},
            {"chat", "samples/chat/otelcontrib_tool_calls_pairs.jsonl"},
            {"mcp", "samples/mcp/bare_stdio.jsonl"},
            {"mcp", "samples/mcp/gateway_wrapped.jsonl"},
        };
        for (String[] f : files) samples.add(new Sample(f[0], f[1], Files.readString(ImportFixture.resource(f[1]))));
        samples.add(new Sample("chat", "asb.jsonl", String.join("\n",
                Files.readAllLines(ImportFixture.shared("corpus/asb/asb-clean.jsonl")).subList(0, 6)) + "\n"));
        samples.add(new Sample("generic", "timesketch.jsonl", """
                {"message":"login","datetime":"2025-01-01T00:00:00Z","timestamp_desc":"event"}
                {"message":"logout","datetime":"2025-01-01T00:00:01Z","timestamp_desc":"event"}
                """));
        samples.add(new Sample("generic", "timesketch.csv", "message,datetime\nlogin,2025-01-01T00:00:00Z\n"));
        return samples;
    }

    @Test
    void everyRecordOfAnotherFormatIsQuarantinedOrTheFileRefused() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Importer importer : Importers.all()) {
            for (Sample s : samples()) {
                if (s.format().equals(importer.format())) continue;
                String what = "--format " + importer.format() + " on " + s.name() + " (" + s.format() + "): ";
                CollectingSink sink = new CollectingSink();
                try {
                    importer.read(ImportFixture.source(s.name(), s.content()), sink);
                } catch (IOException notReadable) {
                    continue; // an error: the import stops and the evidence stays importable
                }
                if (sink.records() == 0 || sink.quarantined() != sink.records() || !sink.events.isEmpty()) {
                    problems.add(what + sink.records() + " records, " + sink.quarantined() + " quarantined, " + sink.events.size() + " events");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void forcedOtlpNamesWhatItExpected() throws IOException {
        CollectingSink sink = ImportFixture.importText(new OtlpImporter(), "chat.jsonl",
                "{\"id\":\"r1\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n{\"id\":\"r2\",\"messages\":[]}\n");
        assertEquals(2, sink.records());
        assertEquals(2, sink.quarantined());
        assertEquals("line:1", sink.quarantined.getFirst().locator());
        assertEquals("not an OTLP ExportTraceServiceRequest (no resourceSpans list; fields id, messages)", sink.quarantined.getFirst().reason());
        assertTrue(sink.quarantined.getFirst().excerpt().startsWith("{\"id\":\"r1\""), sink.quarantined.toString());
    }

    /**
     * What a person expects of an empty export: protobuf's JSON mapping writes an empty request as {} and leaves out
     * empty lists, so {}, an empty resourceSpans and a scope without spans are valid requests with no spans, not bad
     * records. Logs and metrics are OTLP too, but not read: quarantined with that reason rather than silently skipped.
     */
    @Test
    void emptyOtlpRequestsAreValidAndOtherSignalsAreNamed() throws IOException {
        String empty = "{}\n{\"resourceSpans\":[]}\n{\"resourceSpans\":[{\"resource\":{},\"scopeSpans\":[{\"scope\":{\"name\":\"s\"},\"spans\":[]}]}]}\n";
        CollectingSink sink = ImportFixture.importText(new OtlpImporter(), "empty.jsonl", empty);
        assertEquals(0, sink.records(), sink.reasons());
        assertEquals(0, sink.quarantined(), sink.reasons());
        CollectingSink logs = ImportFixture.importText(new OtlpImporter(), "logs.jsonl", "{\"resourceLogs\":[]}\n{\"resourceMetrics\":[]}\n");
        assertEquals(2, logs.records());
        assertEquals("OTLP logs (resourceLogs), not traces: only traces are read", logs.quarantined.get(0).reason());
        assertEquals("OTLP metrics (resourceMetrics), not traces: only traces are read", logs.quarantined.get(1).reason());
    }

    /** The older Codex layout writes response items as bare lines; a bare line of another type is not Codex. */
    @Test
    void codexOlderLayoutReadsItsItemsAndRejectsOtherBareLines() throws IOException {
        String rollout = """
                {"id":"s1","timestamp":"2025-05-01T10:00:00Z","instructions":"be brief"}
                {"type":"message","role":"user","content":[{"type":"input_text","text":"list files"}]}
                {"type":"function_call","name":"shell","arguments":"{\\"command\\":[\\"ls\\"]}","call_id":"c1"}
                {"type":"user","message":{"role":"user","content":"hi"},"uuid":"u1","sessionId":"x"}
                """;
        CollectingSink sink = ImportFixture.importText(new CodexImporter(), "rollout.jsonl", rollout);
        assertEquals(4, sink.records());
        assertEquals(1, sink.ofKind(EventKind.USER_MESSAGE).size());
        assertEquals(1, sink.ofKind(EventKind.TOOL_CALL).size());
        assertEquals(1, sink.quarantined());
        assertEquals("line:4", sink.quarantined.getFirst().locator());
        assertTrue(sink.quarantined.getFirst().reason().startsWith("not a Codex rollout line: a \"user\" line without a payload"), sink.reasons());
    }
}
