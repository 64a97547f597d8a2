package dev.tracehound.timeline.search;

import static dev.tracehound.timeline.store.TestCases.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import dev.tracehound.timeline.store.TestCases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages report exact totals up to a bound and a flagged lower bound beyond it, without losing any hit when paging. */
class SearchTotalsTest {
    private static final int MATCHES = LuceneEventSearch.EXACT_TOTAL_UP_TO + 300;
    @TempDir static Path tmp;
    static Case c;

    @BeforeAll
    static void fill() {
        c = Cases.create(tmp.resolve("case"), "totals");
        EvidenceRecord ev = TestCases.evidence(c, tmp, "a.jsonl", "{}\n");
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < MATCHES; i++) {
            // every third event out of time order, so the time sort cannot simply follow insertion
            long ts = T0 + (i % 3 == 0 ? MATCHES - i : i) * 1_000_000L;
            events.add(Event.builder(ev.sha256(), "line:" + i).kind(EventKind.NOTE).startNanos(ts)
                    .text((i < 10 ? "rare " : "") + "needle haystack number " + i).build());
        }
        TestCases.ingestAll(c, ev, events);
    }

    @AfterAll
    static void close() {
        c.close();
    }

    @Test
    void phraseBeyondTheBoundIsALowerBoundAndCountIsExact() {
        SearchPage page = c.search().search(SearchRequest.of("\"needle haystack\"", 100));
        assertFalse(page.totalIsExact());
        assertTrue(page.totalHits() >= LuceneEventSearch.EXACT_TOTAL_UP_TO && page.totalHits() <= MATCHES, "" + page.totalHits());
        assertEquals(100, page.events().size());
        assertEquals(MATCHES, c.search().count("\"needle haystack\""));
    }

    @Test
    void termAndSmallTotalsStayExact() {
        SearchPage term = c.search().search(SearchRequest.of("needle", 10));
        assertTrue(term.totalIsExact());
        assertEquals(MATCHES, term.totalHits());
        SearchPage rare = c.search().search(SearchRequest.of("\"rare needle\"", 100));
        assertTrue(rare.totalIsExact());
        assertEquals(10, rare.totalHits());
    }

    @Test
    void pagingByTimeBeyondTheBoundReturnsEveryHitInOrder() {
        for (SearchSort sort : SearchSort.values()) {
            SearchRequest req = new SearchRequest("\"needle haystack\"", 250, null, sort);
            List<Event> seen = new ArrayList<>();
            while (true) {
                SearchPage page = c.search().search(req);
                seen.addAll(page.events());
                if (page.nextCursor() == null) break;
                req = req.next(page.nextCursor());
            }
            assertEquals(MATCHES, seen.size(), sort.toString());
            assertEquals(MATCHES, new HashSet<>(seen.stream().map(Event::eventId).toList()).size(), sort.toString());
            if (sort == SearchSort.TIME) {
                for (int i = 1; i < seen.size(); i++) assertTrue(seen.get(i - 1).startNanos() <= seen.get(i).startNanos());
            }
        }
    }
}
