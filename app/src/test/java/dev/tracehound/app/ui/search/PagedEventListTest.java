package dev.tracehound.app.ui.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.app.testing.DirectTaskRunner;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.search.SearchRequest;
import dev.tracehound.timeline.search.SearchSort;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import dev.tracehound.timeline.store.Ingest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lazily paged list over a real case of 2,500 events: pages arrive on demand and memory stays bounded. */
class PagedEventListTest {
    static final int N = 2_500;

    @TempDir
    Path tmp;

    @Test
    void fetchesPagesOnDemandInTimeOrderAndKeepsFewInMemory() throws Exception {
        Path file = tmp.resolve("many.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= N; i++) sb.append("{\"n\":").append(i).append("}\n");
        Files.writeString(file, sb);
        try (Case c = Cases.create(tmp.resolve("case"), "many")) {
            var ev = c.evidence().add(file, "jsonl");
            try (Ingest in = c.ingest(ev, "tester")) {
                for (int i = 1; i <= N; i++) {
                    in.add(Event.builder(ev.sha256(), "line:" + i).sessionId("s" + (i % 7)).startNanos(1_000_000_000L * (N - i + 1))
                            .kind(EventKind.NOTE).text("event " + i).build());
                }
                in.commit();
            }
            AtomicInteger fetches = new AtomicInteger();
            PageSource source = (cursor, limit) -> {
                fetches.incrementAndGet();
                return c.search().search(new SearchRequest("*:*", limit, cursor, SearchSort.TIME));
            };
            DirectTaskRunner runner = new DirectTaskRunner();
            PagedEventList list = new PagedEventList(source, runner, source.fetch(null, 100), c.search().count("*:*"), 100);
            AtomicInteger changes = new AtomicInteger();
            list.addListener((ListChangeListener<EventRow>) ch -> changes.incrementAndGet());

            assertEquals(N, list.size());
            assertEquals("event " + N, list.get(0).event().text(), "earliest first");
            // the direct runner fetches on the first touch (the FX runner would answer a placeholder first)
            Event e = list.get(1_999).event();
            assertNotNull(e);
            assertEquals("event " + (N - 1_999), e.text());
            assertTrue(changes.get() >= 1);
            assertTrue(list.loadedPages() <= PagedEventList.MAX_CACHED_PAGES, "pages are evicted: " + list.loadedPages());
            int before = fetches.get();
            list.get(1_998);
            assertEquals(before, fetches.get(), "a row of a cached page costs no fetch");
            assertEquals("event 1", list.get(N - 1).event().text());
        }
    }
}
