package dev.tracehound.timeline.store;

import static dev.tracehound.timeline.store.TestCases.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import dev.tracehound.timeline.search.SearchRequest;
import dev.tracehound.timeline.store.IngestPipeline.BatchResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write path remembers only the rows the index cannot answer for yet; once a publish made them searchable,
 * repeats of them (same id, or same dedup key from another file) are still recognised, through the index.
 */
class StoredKeysTest {
    @TempDir Path tmp;

    @Test
    void repeatsAreRecognisedThroughTheIndexOnceForgottenInMemory() throws Exception {
        try (Case c = Cases.create(tmp.resolve("case"), "keys")) {
            LocalCase local = (LocalCase) c;
            EvidenceRecord a = TestCases.evidence(c, tmp, "a.jsonl", "a\n");
            EvidenceRecord b = TestCases.evidence(c, tmp, "b.jsonl", "b\n");
            H2EventStore events = new H2EventStore(local.database(), local.index());
            List<Event> first = new ArrayList<>();
            for (int i = 0; i < 30; i++) first.add(message(a, "line:" + i, "msg:" + i));
            try (IngestPipeline pipeline = new IngestPipeline(local.database(), local.index(), events, events.maxSeq(), 10)) {
                for (int i = 0; i < 30; i += 5) assertEquals(new BatchResult(5, 0, List.of()), IngestPipeline.await(pipeline.submit(first.subList(i, i + 5))));
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (pipeline.rememberedKeys() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
                assertEquals(0, pipeline.rememberedKeys(), "every 10 events the index's lookups are refreshed and the rows forgotten");

                assertEquals(new BatchResult(0, 5, List.of()), IngestPipeline.await(pipeline.submit(first.subList(0, 5))), "same ids");
                List<Event> second = List.of(message(b, "/1", "msg:3"), message(b, "/2", "msg:17"), message(b, "/3", "msg:new"));
                assertEquals(new BatchResult(1, 2, List.of()), IngestPipeline.await(pipeline.submit(second)), "same dedup keys, another file");
                assertEquals(1, pipeline.rememberedKeys(), "only the new row waits for the next refresh");
                pipeline.commitDurably();
                assertEquals(0, pipeline.rememberedKeys());
            }
            assertEquals(31, c.events().count());
            assertEquals(List.of(a.sha256(), b.sha256()), c.events().evidenceOf(first.get(3).eventId()));
            assertEquals(List.of(a.sha256(), b.sha256()), c.events().evidenceOf(first.get(17).eventId()));
            List<String> inB = c.search().search(SearchRequest.of("evidence:" + b.sha256(), 10)).events().stream().map(Event::eventId).sorted().toList();
            List<String> expected = new ArrayList<>(List.of(first.get(3).eventId(), first.get(17).eventId(), Event.builder(b.sha256(), "/3").build().eventId()));
            expected.sort(null);
            assertEquals(expected, inB, "the originals' documents name the second file too");
            assertTrue(c.events().get(first.get(29).eventId()).isPresent(), "found by id through the index");
        }
    }

    private static Event message(EvidenceRecord ev, String locator, String dedupKey) {
        return Event.builder(ev.sha256(), locator).sessionId("s").startNanos(T0).dedupKey(dedupKey).text("text of " + dedupKey).build();
    }
}
