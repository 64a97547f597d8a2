package dev.tracehound.timeline.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tracehound.timeline.context.ModelContext;
import dev.tracehound.timeline.context.ModelContexts;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import dev.tracehound.timeline.session.SessionReconstructor;
import dev.tracehound.timeline.session.SessionTimeline;
import dev.tracehound.timeline.testing.Ev;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A long agent session whose every call repeats the whole history: reconstruction and analysis stay fast. */
class LongSessionTest {

    @Test
    void threeHundredCallsWithGrowingHistory() {
        Ev s = new Ev("long");
        s.system("You are a coding agent.");
        s.user("Fix the build.");
        List<String> history = new ArrayList<>(List.of("{\"role\":\"system\",\"content\":\"You are a coding agent.\"}",
                "{\"role\":\"user\",\"content\":\"Fix the build.\"}"));
        for (int i = 0; i < 300; i++) {
            String span = "span" + i;
            s.add(s.next(EventKind.MODEL_CALL, Trust.MODEL, "step " + i).spanId(span).model("m")
                    .payloadJson("{\"messages\":[" + String.join(",", history) + "]}"));
            s.add(s.next(EventKind.MODEL_RESPONSE, Trust.MODEL, "").parentId(span)
                    .payloadJson("{\"content\":\"\",\"tool_calls\":[{\"id\":\"c" + i + "\",\"name\":\"run\",\"arguments\":{\"cmd\":\"make " + i + "\"}}]}"));
            s.add(s.next(EventKind.TOOL_CALL, Trust.MODEL, "run(make " + i + ")").toolName("run").toolCallId("c" + i).parentId(span)
                    .payloadJson("{\"name\":\"run\",\"arguments\":{\"cmd\":\"make " + i + "\"}}"));
            s.result("c" + i, "run", "output line " + i + " https://ci.example/build/" + i);
            history.add("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c" + i + "\",\"name\":\"run\",\"arguments\":{\"cmd\":\"make " + i + "\"}}]}");
            history.add("{\"role\":\"tool\",\"tool_call_id\":\"c" + i + "\",\"content\":\"output line " + i + " https://ci.example/build/" + i + "\"}");
        }
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            SessionTimeline t = SessionReconstructor.build("long", s.events());
            List<ModelContext> contexts = ModelContexts.of(t);
            assertEquals(300, contexts.size());
            ModelContext last = contexts.get(299);
            assertEquals(2 + 2 * 299, last.input().size());
            String result298 = t.events().stream().filter(e -> e.kind() == EventKind.TOOL_RESULT && "c298".equals(e.toolCallId()))
                    .findFirst().orElseThrow().eventId();
            assertEquals(result298, last.input().get(last.input().size() - 1).sourceEventId(),
                    "the last tool part links to the result of the previous call");
            Analyzer.withAllDetectors().analyse(t, DetectionContext.of(CaseBaseline.empty()));
        });
    }
}
