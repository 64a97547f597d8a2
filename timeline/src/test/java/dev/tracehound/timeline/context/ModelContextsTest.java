package dev.tracehound.timeline.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import dev.tracehound.timeline.session.SessionReconstructor;
import dev.tracehound.timeline.testing.Ev;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelContextsTest {

    @Test
    void payloadPathKeepsTheCallsOwnOrderAndLinksPartsToEvents() {
        Ev s = new Ev("p");
        Event sys = s.add(s.next(EventKind.SYSTEM_PROMPT, Trust.SYSTEM, "You are a travel agent.").parentId("span1"));
        Event user = s.add(s.next(EventKind.USER_MESSAGE, Trust.USER, "Book  a flight").parentId("span1"));
        Event doc = s.add(s.next(EventKind.TOOL_RESULT, Trust.TOOL_OUTPUT, "Flights: LH123").toolCallId("t1").parentId("span1"));
        Event call = s.add(s.next(EventKind.MODEL_CALL, Trust.MODEL, "Flights: LH123").spanId("span1").provider("openai").model("gpt-4o")
                .payloadJson("""
                        {"messages":[{"role":"system","content":"You are a travel agent."},
                          {"role":"user","content":[{"type":"text","text":"Book a flight"}]},
                          {"role":"assistant","content":null,"tool_calls":[{"id":"t1","name":"search","arguments":{"q":"flights"}}]},
                          {"role":"tool","tool_call_id":"t1","content":"Flights: LH123"}],
                         "tools":[{"type":"function","function":{"name":"search","description":"find","parameters":{"type":"object"}}}],
                         "params":{"temperature":0.2,"top_p":null}}"""));
        Event resp = s.add(s.next(EventKind.MODEL_RESPONSE, Trust.MODEL, "Booked LH123").parentId("span1")
                .payloadJson("{\"content\":\"Booked LH123\",\"tool_calls\":[{\"id\":\"t2\",\"name\":\"book\",\"arguments\":{\"f\":\"LH123\"}}]}"));

        List<ModelContext> contexts = ModelContexts.of(SessionReconstructor.build("p", s.events()));

        assertEquals(1, contexts.size());
        ModelContext c = contexts.get(0);
        assertEquals(call.eventId(), c.callEventId());
        assertEquals("gpt-4o", c.model());
        assertEquals(List.of("system", "user", "assistant", "tool"), c.input().stream().map(ContextPart::role).toList());
        assertEquals(sys.eventId(), c.input().get(0).sourceEventId());
        assertEquals(user.eventId(), c.input().get(1).sourceEventId(), "whitespace differences do not break the link");
        assertNull(c.input().get(2).sourceEventId(), "no assistant event in the session: known only from the payload");
        assertEquals("{\"q\":\"flights\"}", c.input().get(2).toolCalls().get(0).argumentsJson());
        assertEquals(doc.eventId(), c.input().get(3).sourceEventId());
        assertEquals(Trust.TOOL_OUTPUT, c.input().get(3).trust());
        assertEquals("search", c.tools().get(0).name());
        assertEquals(0.2, c.params().get("temperature"));
        assertEquals(1, c.params().size(), "null params are left out");
        assertEquals(resp.eventId(), c.output().get(0).sourceEventId());
        assertEquals("book", c.output().get(0).toolCalls().get(0).name());
    }

    @Test
    void transcriptPathUsesEverythingBeforeEachAssistantTurnAndGroupsToolCalls() {
        Ev s = new Ev("t");
        s.system("Be brief.");
        s.user("Weather in Paris and Rome?");
        Event first = s.add(s.next(EventKind.MODEL_RESPONSE, Trust.MODEL, "").actor("assistant"));
        s.call("a", "weather", "{\"city\":\"Paris\"}");
        s.call("b", "weather", "{\"city\":\"Rome\"}");
        s.result("a", "weather", "sunny");
        s.result("b", "weather", "rain");
        Event answer = s.assistant("Paris sunny, Rome rain.");

        List<ModelContext> contexts = ModelContexts.of(SessionReconstructor.build("t", s.events()));

        assertEquals(2, contexts.size());
        assertEquals(first.eventId(), contexts.get(0).callEventId());
        assertEquals(2, contexts.get(0).output().get(0).toolCalls().size(), "tool calls group into the assistant turn");
        ModelContext last = contexts.get(1);
        assertEquals(answer.eventId(), last.callEventId());
        assertEquals(List.of("system", "user", "assistant", "tool", "tool"), last.input().stream().map(ContextPart::role).toList());
        assertEquals(List.of("a", "b"), last.input().get(2).toolCalls().stream().map(ContextPart.ToolCall::id).toList());
        assertEquals("a", last.input().get(3).toolCallId());
        assertEquals(Trust.TOOL_OUTPUT, last.input().get(4).trust());
        assertEquals("Paris sunny, Rome rain.", last.output().get(0).text());
    }
}
