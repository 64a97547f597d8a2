package dev.tracehound.app.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class CausalTreeTest {
    static Event ev(int n, String span, String parent, EventKind kind) {
        return Event.builder("abc", "line:" + n).spanId(span).parentId(parent).startNanos(n).kind(kind).build();
    }

    @Test
    void nestsByParentSpanAndKeepsTimeOrder() {
        Event agent = ev(1, "A", null, EventKind.AGENT_STEP);
        Event call = ev(2, "B", "A", EventKind.MODEL_CALL);
        Event tool = ev(3, "C", "A", EventKind.TOOL_CALL);
        Event result = ev(4, null, "C", EventKind.TOOL_RESULT);
        Event orphan = ev(5, null, "missing", EventKind.NOTE);
        CausalTree.Node root = CausalTree.build(List.of(agent, call, tool, result, orphan));
        assertEquals(List.of(agent, orphan), root.children().stream().map(CausalTree.Node::event).toList());
        CausalTree.Node a = root.children().getFirst();
        assertEquals(List.of(call, tool), a.children().stream().map(CausalTree.Node::event).toList());
        assertEquals(result, a.children().get(1).children().getFirst().event());
    }

    @Test
    void partsSharingTheirSpansIdHangUnderTheSpanNotUnderEachOther() {
        Event part = ev(1, "S", "S", EventKind.SYSTEM_PROMPT); // a message read from span S, earlier in time
        Event span = ev(2, "S", "ROOT", EventKind.MODEL_CALL);
        Event root = ev(0, "ROOT", null, EventKind.AGENT_STEP);
        CausalTree.Node tree = CausalTree.build(List.of(root, part, span));
        CausalTree.Node call = tree.children().getFirst().children().getFirst();
        assertEquals(span, call.event());
        assertEquals(List.of(part), call.children().stream().map(CausalTree.Node::event).toList());
    }

    @Test
    void aParentCycleLosesNoEvent() {
        Event x = ev(1, "X", "Y", EventKind.NOTE);
        Event y = ev(2, "Y", "X", EventKind.NOTE);
        CausalTree.Node root = CausalTree.build(List.of(x, y));
        assertEquals(1, root.children().size());
        assertEquals(1, root.children().getFirst().children().size());
    }
}
