package dev.tracehound.app.ui.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.app.testing.DirectTaskRunner;
import dev.tracehound.app.ui.tasks.TaskRunner;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.search.SearchPage;
import dev.tracehound.timeline.search.SearchSort;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import dev.tracehound.timeline.store.Ingest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lazily paged list over a real case of 2,500 events: pages arrive on demand and memory stays bounded. */
class PagedEventListTest {
    static final int N = 2_500;
    static final int PAGE = 100;

    @TempDir static Path tmp;
    static Case c;

    @BeforeAll
    static void fill() throws Exception {
        Path file = tmp.resolve("many.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= N; i++) sb.append("{\"n\":").append(i).append("}\n");
        Files.writeString(file, sb);
        c = Cases.create(tmp.resolve("case"), "many");
        var ev = c.evidence().add(file, "jsonl");
        try (Ingest in = c.ingest(ev, "tester")) {
            for (int i = 1; i <= N; i++) {
                // later lines are earlier in time; every pair of lines shares a timestamp
                in.add(Event.builder(ev.sha256(), "line:" + i).sessionId("s" + (i % 7)).startNanos(1_000_000_000L * ((N - i + 2) / 2))
                        .kind(EventKind.NOTE).text("event " + i).build());
            }
            in.commit();
        }
    }

    @AfterAll
    static void close() {
        c.close();
    }

    /** Counts the calls that reach the search. */
    static final class CountingSource implements PageSource {
        final PageSource real = PageSource.of(c.search(), "*:*", SearchSort.TIME);
        final AtomicInteger fetches = new AtomicInteger();
        final AtomicInteger seeks = new AtomicInteger();

        @Override
        public SearchPage fetch(String cursor, int limit) {
            fetches.incrementAndGet();
            return real.fetch(cursor, limit);
        }

        @Override
        public String cursorAt(long position) {
            seeks.incrementAndGet();
            return real.cursorAt(position);
        }

        int calls() {
            return fetches.get() + seeks.get();
        }
    }

    private static PagedEventList list(CountingSource source, TaskRunner runner) {
        return new PagedEventList(source, runner, source.fetch(null, PAGE), c.search().count("*:*"), PAGE);
    }

    /** The order walking every page shows: the truth a jump must agree with. */
    private static List<String> walked() {
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            SearchPage p = c.search().search(new dev.tracehound.timeline.search.SearchRequest("*:*", 500, cursor, SearchSort.TIME));
            p.events().forEach(e -> all.add(e.text()));
            cursor = p.nextCursor();
        } while (cursor != null);
        return all;
    }

    @Test
    void fetchesPagesOnDemandInTimeOrderAndKeepsFewInMemory() {
        CountingSource source = new CountingSource();
        PagedEventList list = list(source, new DirectTaskRunner());
        AtomicInteger changes = new AtomicInteger();
        list.addListener((ListChangeListener<EventRow>) ch -> changes.incrementAndGet());
        List<String> truth = walked();

        assertEquals(N, list.size());
        assertEquals(truth.get(0), list.get(0).event().text(), "earliest first");
        // the direct runner fetches on the first touch (the FX runner would answer a placeholder first)
        Event e = list.get(1_999).event();
        assertNotNull(e);
        assertEquals(truth.get(1_999), e.text());
        assertTrue(changes.get() >= 1);
        for (int row = 0; row < N; row += 97) assertEquals(truth.get(row), list.get(row).event().text(), "row " + row);
        assertTrue(list.loadedPages() <= PagedEventList.MAX_CACHED_PAGES, "pages are evicted: " + list.loadedPages());
        int before = source.calls();
        list.get(1_998);
        assertEquals(before, source.calls(), "a row of a cached page costs no fetch");
        assertEquals(truth.get(N - 1), list.get(N - 1).event().text());
    }

    @Test
    void aDeepJumpSeeksOnceAndFetchesOnlyTheWantedPage() {
        CountingSource source = new CountingSource();
        PagedEventList list = list(source, new DirectTaskRunner());
        List<String> truth = walked();
        int fetchesBefore = source.fetches.get();

        assertEquals(truth.get(2_345), list.get(2_345).event().text(), "row 2,345 is the 2,345th hit, as walking would show");
        assertEquals(1, source.seeks.get(), "one seek for the page's cursor");
        assertEquals(fetchesBefore + 1, source.fetches.get(), "one page fetched, not the 22 before it");
        assertEquals(2, list.loadedPages(), "only the first and the wanted page are held");

        // the next page down continues from the jumped-to page's cursor, without another seek
        assertEquals(truth.get(2_400), list.get(2_400).event().text());
        assertEquals(1, source.seeks.get());
        assertEquals(fetchesBefore + 2, source.fetches.get());
    }

    @Test
    void pagesPassedWhileDraggingAreSkippedWhenTheBackgroundThreadReachesThem() {
        CountingSource source = new CountingSource();
        QueuedRunner runner = new QueuedRunner();
        PagedEventList list = list(source, runner);
        int before = source.calls();
        // a drag down the scrollbar touches rows of pages 3, 9 and 17 before the background thread gets to run
        assertNull(list.get(350).event());
        assertNull(list.get(950).event());
        assertNull(list.get(1_750).event());
        runner.runAll();

        assertEquals(before + 2, source.calls(), "one seek and one fetch, for the page let go on only");
        assertNotNull(list.get(1_750).event());
        assertEquals(2, list.loadedPages());
        // a passed page is asked again, when a row of it is drawn again
        assertNull(list.get(350).event());
        runner.runAll();
        assertNotNull(list.get(350).event());
    }

    /** Holds the background work until {@link #runAll}, like the single case-I/O thread busy with something else. */
    static final class QueuedRunner implements TaskRunner {
        private final List<Runnable> queued = new ArrayList<>();

        @Override
        public <T> void run(String title, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onError) {
            queued.add(() -> new DirectTaskRunner().run(title, work, onSuccess, onError));
        }

        void runAll() {
            List<Runnable> now = new ArrayList<>(queued);
            queued.clear();
            now.forEach(Runnable::run);
        }
    }
}
