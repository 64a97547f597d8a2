package dev.tracehound.timeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventFlag;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Every content field tells two records of an id apart; where and how an event was found does not. */
class ContentFieldTest {
    private static final Event BASE = Event.builder("a".repeat(64), "line:1").eventId("0123456789abcdef0123456789abcdef")
            .dedupKey("span:t:s:call").traceId("t").sessionId("s").spanId("sp").parentId("p").sequence(3).startNanos(10)
            .endNanos(20).kind(EventKind.TOOL_CALL).name("call").actor("assistant").provider("openai").model("gpt-4o")
            .toolName("send_email").toolCallId("call_1").inputTokens(1L).outputTokens(2L).costUsd(0.5).status("ok")
            .text("send it").payloadJson("{\"to\":\"x\"}").trust(Trust.MODEL).flag(EventFlag.TIME_INFERRED).build();

    @Test
    void eachContentFieldIsComparedOnItsOwn() {
        Map<ContentField, UnaryOperator<Event.Builder>> change = new EnumMap<>(ContentField.class);
        change.put(ContentField.KIND, b -> b.kind(EventKind.TOOL_RESULT));
        change.put(ContentField.START, b -> b.startNanos(11));
        change.put(ContentField.END, b -> b.endNanos(21));
        change.put(ContentField.SEQUENCE, b -> b.sequence(4));
        change.put(ContentField.TRACE, b -> b.traceId("T"));
        change.put(ContentField.SESSION, b -> b.sessionId(null));
        change.put(ContentField.SPAN, b -> b.spanId("sp2"));
        change.put(ContentField.PARENT, b -> b.parentId("p2"));
        change.put(ContentField.NAME, b -> b.name("other"));
        change.put(ContentField.ACTOR, b -> b.actor("user"));
        change.put(ContentField.PROVIDER, b -> b.provider("anthropic"));
        change.put(ContentField.MODEL, b -> b.model("gpt-4o-mini"));
        change.put(ContentField.TOOL_NAME, b -> b.toolName("read_file"));
        change.put(ContentField.TOOL_CALL_ID, b -> b.toolCallId("call_2"));
        change.put(ContentField.INPUT_TOKENS, b -> b.inputTokens(null));
        change.put(ContentField.OUTPUT_TOKENS, b -> b.outputTokens(3L));
        change.put(ContentField.COST, b -> b.costUsd(0.25));
        change.put(ContentField.STATUS, b -> b.status("error"));
        change.put(ContentField.TEXT, b -> b.text("send it now"));
        change.put(ContentField.PAYLOAD, b -> b.payloadJson("{\"to\":\"y\"}"));
        change.put(ContentField.TRUST, b -> b.trust(Trust.USER));
        change.put(ContentField.FLAGS, b -> b.flag(EventFlag.HARNESS_INJECTED));
        assertEquals(List.of(ContentField.values()), List.copyOf(change.keySet()), "a change for every field");
        change.forEach((field, edit) -> assertEquals(List.of(field), ContentField.differing(BASE, edit.apply(BASE.toBuilder()).build())));
    }

    @Test
    void evidenceLocatorAndDedupKeyAreNotContent() {
        Event elsewhere = Event.builder("b".repeat(64), "/spans/7").eventId(BASE.eventId()).dedupKey("event:" + BASE.eventId())
                .traceId("t").sessionId("s").spanId("sp").parentId("p").sequence(3).startNanos(10).endNanos(20)
                .kind(EventKind.TOOL_CALL).name("call").actor("assistant").provider("openai").model("gpt-4o")
                .toolName("send_email").toolCallId("call_1").inputTokens(1L).outputTokens(2L).costUsd(0.5).status("ok")
                .text("send it").payloadJson("{\"to\":\"x\"}").trust(Trust.MODEL).flag(EventFlag.TIME_INFERRED).build();
        assertEquals(List.of(), ContentField.differing(BASE, elsewhere));
    }
}
