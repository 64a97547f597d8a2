package dev.tracehound.timeline.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionReconstructorTest {
    private static final long T = 1_700_000_000_000_000_000L;

    private static Event ev(String loc, String session, EventKind kind, long t, long seq) {
        return Event.builder("d".repeat(64), loc).sessionId(session).kind(kind).startNanos(T + t).sequence(seq).trust(Trust.MODEL).build();
    }

    @Test
    void causalityBeatsSkewedClocksAndTiesKeepSequence() {
        Event agent = Event.builder("d".repeat(64), "agent").sessionId("s").kind(EventKind.AGENT_STEP).spanId("A").startNanos(T + 100).sequence(0).build();
        // the child span's clock is 50 ns behind its parent
        Event call = Event.builder("d".repeat(64), "call").sessionId("s").kind(EventKind.TOOL_CALL).spanId("B").parentId("A")
                .toolCallId("c1").toolName("search").startNanos(T + 50).sequence(1).build();
        // the result is stamped before the call (a different host's clock)
        Event result = Event.builder("d".repeat(64), "result").sessionId("s").kind(EventKind.TOOL_RESULT).toolCallId("c1")
                .toolName("search").startNanos(T + 10).sequence(2).build();
        Event tieA = ev("tieA", "s", EventKind.NOTE, 500, 5);
        Event tieB = ev("tieB", "s", EventKind.NOTE, 500, 4);
        List<Event> shuffled = new ArrayList<>(List.of(result, tieA, call, agent, tieB));
        Collections.reverse(shuffled);

        SessionTimeline t = SessionReconstructor.build("s", shuffled);

        assertEquals(List.of("agent", "call", "result", "tieB", "tieA"), t.events().stream().map(Event::locator).toList());
        assertEquals(4, t.roots().size(), "the agent span, the result (no span parent) and the two notes are roots");
        assertEquals("agent", t.roots().get(0).event().locator());
        assertEquals("call", t.roots().get(0).children().get(0).event().locator());
        assertSame(result, t.resultOf(call).orElseThrow());
        assertTrue(t.toolExchanges().get(0).pairedById());
    }

    @Test
    void aSpansPartsHangUnderTheSpanEvenWhenTheySortFirst() {
        // as the OTLP importer writes a model call: the call's span, and its messages as parts naming it as parent,
        // all at one instant, the messages with lower sequence numbers
        Event agent = Event.builder("d".repeat(64), "agent").sessionId("s").kind(EventKind.AGENT_STEP).spanId("A").startNanos(T).sequence(0).build();
        Event system = Event.builder("d".repeat(64), "system").sessionId("s").kind(EventKind.SYSTEM_PROMPT).spanId("M").parentId("M")
                .startNanos(T + 10).sequence(0).build();
        Event user = Event.builder("d".repeat(64), "user").sessionId("s").kind(EventKind.USER_MESSAGE).spanId("M").parentId("M")
                .startNanos(T + 10).sequence(1).build();
        Event call = Event.builder("d".repeat(64), "call").sessionId("s").kind(EventKind.MODEL_CALL).spanId("M").parentId("A")
                .startNanos(T + 10).sequence(5).build();

        SessionTimeline t = SessionReconstructor.build("s", List.of(agent, system, user, call));

        assertEquals(1, t.roots().size(), "one tree under the agent span");
        SessionNode callNode = t.roots().get(0).children().get(0);
        assertEquals("call", callNode.event().locator());
        assertEquals(List.of("system", "user"), callNode.children().stream().map(n -> n.event().locator()).toList());
    }

    @Test
    void orphansHangAtTheRootAndResultsWithoutIdPairByAdjacency() {
        Event orphan = Event.builder("d".repeat(64), "orphan").sessionId("s").kind(EventKind.TOOL_CALL).parentId("missing")
                .toolName("read").startNanos(T).sequence(0).build();
        Event r1 = Event.builder("d".repeat(64), "r1").sessionId("s").kind(EventKind.TOOL_RESULT).toolName("read").startNanos(T + 1).sequence(1).build();
        Event c2 = Event.builder("d".repeat(64), "c2").sessionId("s").kind(EventKind.TOOL_CALL).toolName("write").startNanos(T + 2).sequence(2).build();
        Event c3 = Event.builder("d".repeat(64), "c3").sessionId("s").kind(EventKind.TOOL_CALL).toolName("list").startNanos(T + 3).sequence(3).build();
        Event r3 = Event.builder("d".repeat(64), "r3").sessionId("s").kind(EventKind.TOOL_RESULT).toolName("list").startNanos(T + 4).sequence(4).build();

        SessionTimeline t = SessionReconstructor.build("s", List.of(orphan, r1, c2, c3, r3));

        assertEquals(5, t.roots().size());
        assertSame(r1, t.resultOf(orphan).orElseThrow());
        assertSame(r3, t.resultOf(c3).orElseThrow(), "same tool name wins over the older open call");
        assertTrue(t.resultOf(c2).isEmpty());
        assertFalse(t.toolExchanges().get(0).pairedById());
    }

    @Test
    void subAgentSessionBecomesChildOfTheLaunchingCall() {
        Event launch = Event.builder("d".repeat(64), "launch").sessionId("parent").kind(EventKind.TOOL_CALL).spanId("S1")
                .toolName("Task").startNanos(T).build();
        Event childStep = Event.builder("d".repeat(64), "child").sessionId("child").kind(EventKind.AGENT_STEP).spanId("S2")
                .parentId("S1").startNanos(T + 5).build();
        Event unrelated = ev("other", "other", EventKind.NOTE, 0, 0);

        List<SessionTimeline> roots = SessionReconstructor.link(List.of(
                SessionReconstructor.build("parent", List.of(launch)),
                SessionReconstructor.build("child", List.of(childStep)),
                SessionReconstructor.build("other", List.of(unrelated))));

        assertEquals(List.of("parent", "other"), roots.stream().map(SessionTimeline::sessionId).toList());
        SessionTimeline child = roots.get(0).children().get(0);
        assertEquals("child", child.sessionId());
        assertSame(launch, child.launchedBy());
        assertEquals(2, roots.get(0).eventsWithChildren().size());
        assertNull(roots.get(1).launchedBy());
    }

    @Test
    void aSubAgentHangsRightUnderItsCallBeforeTheResultAndWhatFollowed() {
        // Claude Code's shape: each line's parent is the line before, so the result and the next reply hang under the call
        String d = "d".repeat(64);
        Event reply = Event.builder(d, "reply").sessionId("parent").kind(EventKind.MODEL_RESPONSE).spanId("A1").startNanos(T).sequence(0).build();
        Event call = Event.builder(d, "call").sessionId("parent").kind(EventKind.TOOL_CALL).spanId("S1").parentId("A1")
                .toolName("Task").toolCallId("S1").startNanos(T).sequence(1).build();
        Event note = Event.builder(d, "note").sessionId("parent").kind(EventKind.NOTE).parentId("S1").startNanos(T + 1).sequence(2).build();
        // the result's clock says it came before the sub-agent began: it is still what the sub-agent returned
        Event result = Event.builder(d, "result").sessionId("parent").kind(EventKind.TOOL_RESULT).spanId("U1").parentId("S1")
                .toolName("Task").toolCallId("S1").startNanos(T + 10).sequence(3).build();
        Event after = Event.builder(d, "after").sessionId("parent").kind(EventKind.MODEL_RESPONSE).spanId("A2").parentId("U1")
                .startNanos(T + 30).sequence(4).build();
        Event subStep = Event.builder(d, "sub").sessionId("parent:agent").kind(EventKind.MODEL_RESPONSE).spanId("B1").parentId("S1")
                .startNanos(T + 20).sequence(0).build();

        SessionTimeline parent = SessionReconstructor.link(List.of(
                SessionReconstructor.build("parent", List.of(reply, call, note, result, after)),
                SessionReconstructor.build("parent:agent", List.of(subStep)))).getFirst();

        SessionNode callNode = parent.roots().getFirst().children().getFirst();
        assertSame(call, callNode.event());
        List<SessionBranch> under = parent.under(callNode);
        assertEquals(3, under.size());
        assertSame(note, ((SessionNode) under.get(0)).event(), "a child event that began before the sub-agent stays first");
        assertEquals("parent:agent", ((SessionTimeline) under.get(1)).sessionId());
        SessionNode resultNode = (SessionNode) under.get(2);
        assertSame(result, resultNode.event());
        assertSame(after, resultNode.children().getFirst().event());
        assertEquals(List.of(resultNode.children().getFirst()), parent.under(resultNode), "launched from the call only");
        assertEquals(List.of(), parent.launchedFromNowhere());
        // a sub-agent the store lists without a known call is not lost: it is shown after the session's own events
        SessionTimeline orphan = SessionReconstructor.build("parent:orphan", List.of(ev("o", "parent:orphan", EventKind.NOTE, 40, 0)));
        assertEquals(List.of(orphan), parent.withChildren(List.of(orphan)).launchedFromNowhere());
    }
}
