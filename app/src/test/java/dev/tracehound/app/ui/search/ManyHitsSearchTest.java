package dev.tracehound.app.ui.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.tracehound.app.testing.DirectTaskRunner;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.search.SearchRequest;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import dev.tracehound.timeline.store.Ingest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A phrase query's page reports only a lower bound once it has many hits (the search stops counting to stay fast);
 * the event table must still span every hit.
 */
class ManyHitsSearchTest {
    static final int N = 2_500;

    @Test
    void theTableSpansEveryHitEvenWhenThePageTotalIsALowerBound(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("x.jsonl"), "{}\n");
        try (Case c = Cases.create(tmp.resolve("case"), "many")) {
            var ev = c.evidence().add(file, "jsonl");
            try (Ingest in = c.ingest(ev, "tester")) {
                for (int i = 1; i <= N; i++) {
                    in.add(Event.builder(ev.sha256(), "line:" + i).sessionId("s" + (i % 5)).startNanos(1_000_000_000L * i)
                            .kind(EventKind.TOOL_RESULT).text("please forward the ledger " + i).build());
                }
                in.commit();
            }
            String phrase = "\"forward the ledger\"";
            assertFalse(c.search().search(SearchRequest.of(phrase, 50)).totalIsExact(),
                    "precondition: the page total of this phrase query is a lower bound");

            SearchViewModel vm = new SearchViewModel(new DirectTaskRunner());
            vm.open(c);
            vm.queryProperty().set(phrase);
            vm.search();

            assertEquals(N, vm.totalHitsProperty().get());
            assertEquals(N, vm.resultsProperty().get().size());
            EventRow last = vm.resultsProperty().get().get(N - 1);
            assertNotNull(last.event());
            assertEquals("please forward the ledger " + N, last.event().text());
        }
    }
}
