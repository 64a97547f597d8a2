package dev.tracehound.timeline.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Event full() {
        return Event.builder("ab".repeat(32), "line:7#tool_call0").dedupKey("span:t:s:0").traceId("t").sessionId("s").spanId("sp")
                .parentId("p").sequence(3).startNanos(1_700_000_000_123_456_789L).endNanos(1_700_000_001_000_000_000L)
                .kind(EventKind.TOOL_CALL).name("send_email").actor("assistant").provider("openai").model("gpt-4o")
                .toolName("send_email").toolCallId("call_1").inputTokens(10L).outputTokens(5L).costUsd(0.0125).status("ok")
                .text("send_email({\"to\":\"x\"})").payloadJson("{\"name\":\"send_email\",  \"arguments\":{\"to\":\"x\"}}")
                .trust(Trust.MODEL).flag(EventFlag.TIME_INFERRED).flag(EventFlag.CONTENT_TRUNCATED).build();
    }

    @Test
    void roundTripsEveryFieldThroughText() throws Exception {
        Event e = full();
        String text = MAPPER.writeValueAsString(EventJson.toJson(e));
        assertTrue(text.contains("\"time\":\"2023-11-14T22:13:20.123456789Z\""), text);
        assertTrue(text.contains("\"start_nanos\":1700000000123456789"), text);
        assertEquals(e, EventJson.fromJson(MAPPER.readTree(text)));
    }

    @Test
    void ignoresUnknownKeysAndRejectsMissingOnes() throws Exception {
        ObjectNode o = EventJson.toJson(full());
        o.put("added_in_a_later_version", 1);
        assertEquals(full(), EventJson.fromJson(o));
        o.remove("kind");
        assertThrows(IllegalArgumentException.class, () -> EventJson.fromJson(o));
    }

    @Test
    void builderReRootsIdentityInANewEvidenceFile() {
        Event copy = EventJson.builder(EventJson.toJson(full()), "cd".repeat(32), "line:1").build();
        assertEquals("line:1", copy.locator());
        assertEquals(EventIds.of("cd".repeat(32), "line:1"), copy.eventId());
        assertEquals(full().payloadJson(), copy.payloadJson());
        assertEquals(full().flags(), copy.flags());
    }
}
