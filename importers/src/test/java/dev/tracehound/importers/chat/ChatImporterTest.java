package dev.tracehound.importers.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.importers.CollectingSink;
import dev.tracehound.importers.FileHeads;
import dev.tracehound.importers.ImportFixture;
import dev.tracehound.importers.Importers;
import dev.tracehound.importers.read.Json;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventFlag;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatImporterTest {
    private final ChatImporter importer = new ChatImporter();

    @Test
    void tauBenchRunsAreSessionsWithToolCallsAndResults() throws Exception {
        Path file = ImportFixture.shared("corpus/tau-bench/gpt-4o-airline.json");
        assertEquals("chat", Importers.detect(FileHeads.read(file)).format());
        CollectingSink sink = ImportFixture.importFile(importer, file);
        assertEquals(200, sink.records());
        assertEquals(0, sink.quarantined(), sink.reasons());
        assertEquals(200, sink.sessions().size());
        assertEquals(200, sink.ofKind(EventKind.SESSION).size());
        assertEquals(200, sink.ofKind(EventKind.SYSTEM_PROMPT).size());
        assertEquals(1490, sink.ofKind(EventKind.USER_MESSAGE).size());
        assertEquals(2454, sink.ofKind(EventKind.MODEL_RESPONSE).size());
        assertEquals(1164, sink.ofKind(EventKind.TOOL_CALL).size());
        assertEquals(1164, sink.ofKind(EventKind.TOOL_RESULT).size());

        Event firstCall = sink.ofKind(EventKind.TOOL_CALL).get(0);
        assertEquals("get_user_details", firstCall.toolName());
        assertEquals("call_oIHazX6yQrB8hUwl4cRilFKj", firstCall.toolCallId());
        assertEquals("/0/traj/6#tool_call0", firstCall.locator());
        Event firstResult = sink.ofKind(EventKind.TOOL_RESULT).get(0);
        assertEquals("get_user_details", firstResult.toolName());
        assertEquals(Trust.TOOL_OUTPUT, firstResult.trust());
        assertTrue(firstResult.text().startsWith("{\"name\": {\"first_name\": \"Mia\""), firstResult.text());
        // the same call id is reused later with another tool: the result takes the latest call's name
        assertTrue(sink.where(e -> e.kind() == EventKind.TOOL_RESULT && "calculate".equals(e.toolName())
                && "call_oIHazX6yQrB8hUwl4cRilFKj".equals(e.toolCallId())).size() >= 1);
        assertTrue(sink.events.stream().allMatch(e -> e.has(EventFlag.TIME_INFERRED)));
        assertEquals(1, sink.orderedWarnings().get("TIME_INFERRED").count());
        assertTrue(sink.ofKind(EventKind.SESSION).get(0).payloadJson().contains("\"reward\":0.0"), Json.shorten(sink.ofKind(EventKind.SESSION).get(0).payloadJson(), 300));
    }

    @Test
    void asbJsonlOneSessionPerLine() throws Exception {
        Path file = ImportFixture.shared("corpus/asb/asb-clean.jsonl");
        assertEquals("chat", Importers.detect(FileHeads.read(file)).format());
        CollectingSink sink = ImportFixture.importFile(importer, file);
        assertEquals(200, sink.records());
        assertEquals(0, sink.quarantined(), sink.reasons());
        assertEquals(200, sink.sessions().size());
        assertTrue(sink.sessions().containsKey("asb-clean-0000"));
        assertEquals(400, sink.ofKind(EventKind.SYSTEM_PROMPT).size());
        assertEquals(600, sink.ofKind(EventKind.USER_MESSAGE).size());
        assertEquals(600, sink.ofKind(EventKind.MODEL_RESPONSE).size());
        assertEquals(208, sink.ofKind(EventKind.TOOL_CALL).size());
        assertEquals(208, sink.ofKind(EventKind.TOOL_RESULT).size());
        Event result = sink.where(e -> e.kind() == EventKind.TOOL_RESULT && "asb-clean-0000".equals(e.sessionId())).get(0);
        assertEquals("medical_database", result.toolName());
        assertEquals("call_0000_1", result.toolCallId());
        assertEquals("line:1#msg6", result.locator());
        assertEquals("medical_advisor_agent", sink.ofKind(EventKind.SESSION).get(0).actor());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "asb-clean, 1808, 208",
        "asb-direct-injection, 1417, 204",
        "asb-indirect-injection, 2023, 423",
        "asb-memory-poisoning, 2054, 254"})
    void everyAsbScenarioKeepsEveryMessage(String name, int messages, int toolCalls) throws Exception {
        CollectingSink sink = ImportFixture.importFile(importer, ImportFixture.shared("corpus/asb/" + name + ".jsonl"));
        assertEquals(200, sink.records());
        assertEquals(0, sink.quarantined(), sink.reasons());
        assertEquals(200, sink.sessions().size());
        long messageEvents = sink.where(e -> e.kind() != EventKind.SESSION && e.kind() != EventKind.TOOL_CALL).size();
        assertEquals(messages, messageEvents);
        assertEquals(toolCalls, sink.ofKind(EventKind.TOOL_CALL).size());
        assertEquals(toolCalls, sink.ofKind(EventKind.TOOL_RESULT).size(), "every call has its observation");
    }

    @Test
    void openAiRequestResponsePairsGiveModelCallsWithUsageAndDeduplicatedHistory() throws Exception {
        Path file = ImportFixture.resource("samples/chat/otelcontrib_tool_calls_pairs.jsonl");
        assertEquals("chat", Importers.detect(FileHeads.read(file)).format());
        CollectingSink sink = ImportFixture.importFile(importer, file);
        assertEquals(2, sink.records());
        List<Event> calls = sink.ofKind(EventKind.MODEL_CALL);
        assertEquals(2, calls.size());
        assertEquals(75L, calls.get(0).inputTokens());
        assertEquals(51L, calls.get(0).outputTokens());
        assertEquals(99L, calls.get(1).inputTokens());
        assertEquals("gpt-4o-mini-2024-07-18", calls.get(0).model());
        assertEquals("openai", calls.get(0).provider());
        assertTrue(calls.get(0).payloadJson().contains("\"tools\":[{\"type\":\"function\""));
        assertEquals(1731368634L * 1_000_000_000L, calls.get(0).startNanos());

        // the history repeated in call 2 has the same dedup keys as what call 1 produced
        long distinct = sink.events.stream().map(Event::dedupKey).filter(Objects::nonNull).distinct().count();
        assertEquals(8, distinct);
        List<String> toolCallKeys = sink.ofKind(EventKind.TOOL_CALL).stream().map(Event::dedupKey).distinct().toList();
        assertEquals(2, toolCallKeys.size());
        List<Event> results = sink.ofKind(EventKind.TOOL_RESULT);
        assertEquals(List.of("50 degrees and raining", "70 degrees and sunny"), results.stream().map(Event::text).toList());
        assertEquals("get_current_weather", results.get(0).toolName());
        assertEquals("Today, the weather in Seattle is 50 degrees and raining, while in San Francisco, it's 70 degrees and sunny.",
                sink.ofKind(EventKind.MODEL_RESPONSE).get(sink.ofKind(EventKind.MODEL_RESPONSE).size() - 1).text());
    }

    @Test
    void anthropicMessagesPairs() throws Exception {
        Path file = ImportFixture.resource("samples/chat/anthropic_pair.json");
        CollectingSink sink = ImportFixture.importFile(importer, file);
        assertEquals(2, sink.records());
        assertEquals(0, sink.quarantined(), sink.reasons());
        List<Event> calls = sink.ofKind(EventKind.MODEL_CALL);
        assertEquals(60L, calls.get(0).inputTokens(), "cache reads count as input");
        assertEquals("anthropic", calls.get(0).provider());
        assertEquals("anth-1", calls.get(0).sessionId());
        assertEquals("You are a billing assistant.", sink.ofKind(EventKind.SYSTEM_PROMPT).get(0).text());
        Event call = sink.ofKind(EventKind.TOOL_CALL).get(0);
        assertEquals("lookup_invoice", call.toolName());
        assertEquals("toolu_A", call.toolCallId());
        Event result = sink.only(e -> e.kind() == EventKind.TOOL_RESULT);
        assertEquals("lookup_invoice", result.toolName());
        assertEquals("Invoice 42: paid on 2025-04-30", result.text());
        assertEquals(2, sink.ofKind(EventKind.TOOL_CALL).stream().map(Event::dedupKey).count());
        assertEquals(1, sink.ofKind(EventKind.TOOL_CALL).stream().map(Event::dedupKey).distinct().count());
    }

    @Test
    void bareMessageArrayIsOneSessionWithInferredTimes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("conversation.json");
        Files.writeString(file, """
                [{"role":"system","content":"Be brief."},
                 {"role":"user","content":[{"type":"text","text":"Weather?"}]},
                 {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Oslo\\"}"}}]},
                 {"role":"tool","tool_call_id":"c1","content":"-3C"},
                 {"role":"assistant","content":"It is -3C in Oslo."},
                 42]
                """);
        assertEquals("chat", Importers.detect(FileHeads.read(file)).format());
        CollectingSink sink = ImportFixture.importFile(importer, file);
        assertEquals(6, sink.records());
        assertEquals(1, sink.quarantined());
        assertEquals("/5", sink.quarantined.get(0).locator());
        assertEquals(1, sink.sessions().size());
        Event call = sink.only(e -> e.kind() == EventKind.TOOL_CALL);
        assertTrue(call.payloadJson().contains("\"arguments\":{\"city\":\"Oslo\"}"), call.payloadJson());
        assertEquals("weather", sink.only(e -> e.kind() == EventKind.TOOL_RESULT).toolName());
        List<Long> times = sink.events.stream().map(Event::startNanos).toList();
        assertEquals(times.stream().sorted().toList(), times);
        assertEquals(1, sink.orderedWarnings().get("TIME_INFERRED").count());
    }

    @Test
    void aMessageWithoutRoleInsideARunIsKeptAsNote(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("runs.jsonl");
        Files.writeString(file, "{\"id\":\"r1\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"content\":\"who said this?\"}]}\n");
        CollectingSink sink = ImportFixture.importFile(importer, file);
        Event kept = sink.only(e -> e.kind() == EventKind.NOTE);
        assertEquals("line:1#msg1", kept.locator());
        assertTrue(kept.payloadJson().contains("who said this?"));
        assertEquals(1, sink.orderedWarnings().get("BAD_MESSAGE").count());
    }

    @Test
    void rolesOutsideTheFourStayAsActorsAndEmptyTurnsAreKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("runs.jsonl");
        Files.writeString(file, "{\"id\":\"r1\",\"messages\":[{\"role\":\"developer\",\"content\":\"Be terse.\"},"
                + "{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":null},"
                + "{\"role\":\"ipython\",\"content\":\"42\"},{\"role\":\"critic\",\"content\":\"Too terse.\"}]}\n");
        CollectingSink sink = ImportFixture.importFile(importer, file);
        assertEquals(0, sink.quarantined(), sink.reasons());
        assertTrue(sink.orderedWarnings().keySet().stream().noneMatch("BAD_MESSAGE"::equals));
        Event developer = sink.only(e -> e.kind() == EventKind.SYSTEM_PROMPT);
        assertEquals("developer", developer.actor());
        assertEquals(Trust.SYSTEM, developer.trust());
        Event silent = sink.only(e -> e.kind() == EventKind.MODEL_RESPONSE);
        assertEquals("", silent.text());
        assertEquals("line:1#msg2", silent.locator());
        assertEquals("ipython", sink.only(e -> e.kind() == EventKind.TOOL_RESULT).actor());
        Event critic = sink.only(e -> e.kind() == EventKind.NOTE);
        assertEquals("critic", critic.actor());
        assertEquals(Trust.UNKNOWN, critic.trust());
        assertEquals("Too terse.", critic.text());
        assertEquals(6, sink.events.size(), "a SESSION event and one event per message");
    }
}
