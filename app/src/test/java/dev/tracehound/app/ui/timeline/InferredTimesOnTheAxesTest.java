package dev.tracehound.app.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventFlag;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import dev.tracehound.timeline.store.Ingest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A transcript without clocks starts at time 0 (the first inferred time); its first event is on the axes too. */
class InferredTimesOnTheAxesTest {
    @TempDir Path tmp;

    @Test
    void theEventAtTimeZeroIsLaidOutAndCounted() throws Exception {
        Path file = tmp.resolve("chat.jsonl");
        Files.writeString(file, "{}\n");
        try (Case c = Cases.create(tmp.resolve("case"), "no clocks")) {
            EvidenceRecord ev = c.evidence().add(file, "chat");
            try (Ingest in = c.ingest(ev, "tester")) {
                for (int i = 0; i < 3; i++) {
                    in.add(Event.builder(ev.sha256(), "line:1#msg" + i).sessionId("chat-1").sequence(i).startNanos(i * 1_000L)
                            .kind(i % 2 == 0 ? EventKind.USER_MESSAGE : EventKind.MODEL_RESPONSE).actor(i % 2 == 0 ? "user" : "assistant")
                            .text("message " + i).flag(EventFlag.TIME_INFERRED).build());
                }
                in.commit();
            }
            var lanes = SwimlaneViewModel.compute(c, "*:*");
            assertEquals(3, lanes.lanes().stream().mapToInt(l -> l.marks().size()).sum(), "the event at 0 has its place on the axis");
            assertEquals(0, lanes.lanes().getFirst().marks().getFirst().event().startNanos());

            var histogram = HistogramViewModel.compute(c, null);
            assertNotNull(histogram, "a case whose only session starts at 0 still has a histogram");
            assertEquals(0, histogram.fromNanos());
            assertEquals(3, LongStream.of(histogram.counts()).sum());
        }
    }
}
