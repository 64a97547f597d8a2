package dev.tracehound.timeline.search;

import static dev.tracehound.timeline.store.TestCases.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import dev.tracehound.timeline.store.TestCases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cursor sought by position starts exactly where walking the pages would be at that hit: on a real case whose
 * events are ingested out of time order in several batches, with a block of equal timestamps larger than the seek
 * reads whole (so it must narrow on the ingest sequence), under filters, and at the first, middle, last and past
 * the last hit.
 */
class SeekByPositionTest {
    static final int SPREAD = 7_000;
    static final int TIES = PositionSeek.READ_WHOLE + 1_500;
    static final long TIED_TS = T0 + 3_500L * 1_000_000L;
    static final int PAGE = 37;
    @TempDir static Path tmp;
    static Case c;

    @BeforeAll
    static void fill() {
        c = Cases.create(tmp.resolve("case"), "seek");
        EvidenceRecord ev = TestCases.evidence(c, tmp, "a.jsonl", "{}\n");
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < SPREAD; i++) {
            // every 5th timestamp repeats a few times: ties everywhere, not only in the big block
            long ts = T0 + (i - i % 5 * (i % 2)) * 1_000_000L;
            events.add(event(ev, "spread:" + i, ts, i % 3 == 0 ? EventKind.TOOL_CALL : EventKind.NOTE, i % 4 == 0 ? "needle" : "hay"));
        }
        for (int i = 0; i < TIES; i++) {
            events.add(event(ev, "tie:" + i, TIED_TS, i % 2 == 0 ? EventKind.TOOL_CALL : EventKind.NOTE, i % 7 == 0 ? "needle needle" : "hay"));
        }
        // ingest order (the seq tie-breaker) unrelated to time order, in three batches (several index segments)
        Collections.shuffle(events, new Random(7));
        int third = events.size() / 3;
        TestCases.ingestAll(c, ev, events.subList(0, third));
        TestCases.ingestAll(c, ev, events.subList(third, 2 * third));
        TestCases.ingestAll(c, ev, events.subList(2 * third, events.size()));
    }

    private static Event event(EvidenceRecord ev, String locator, long ts, EventKind kind, String word) {
        return Event.builder(ev.sha256(), locator).kind(kind).startNanos(ts).text(word + " " + locator).build();
    }

    @AfterAll
    static void close() {
        c.close();
    }

    @Test
    void timeOrderSeekMatchesTheWalkAtEveryKindOfPosition() {
        String range = "ts:[" + (T0 / 1_000_000 + 1000) + " TO " + (T0 / 1_000_000 + 6000) + "]";
        for (String q : List.of("*:*", "kind:tool_call", "needle", range + " AND kind:note")) {
            SearchRequest request = new SearchRequest(q, PAGE, null, SearchSort.TIME);
            List<String> walked = walk(request);
            assertEquals(c.search().count(q), walked.size(), "the walk sees every hit of " + q);
            assertTrue(walked.size() > 100, "precondition: " + q + " has many hits");
            int tieStart = firstTied(walked);
            for (long pos : positions(walked.size(), tieStart)) {
                assertSeekMatchesWalk(request, walked, pos);
            }
        }
    }

    @Test
    void seekingInsideOneTimestampSharedByThousandsOfEventsIsExact() {
        SearchRequest request = new SearchRequest("*:*", PAGE, null, SearchSort.TIME);
        List<String> walked = walk(request);
        int tieStart = firstTied(walked);
        assertTrue(tieStart > 0 && walked.get(tieStart + TIES - 1).startsWith("tie:"), "precondition: the tied block is contiguous");
        for (long pos = tieStart - 2; pos < tieStart + TIES + 2; pos += 611) assertSeekMatchesWalk(request, walked, pos);
        assertSeekMatchesWalk(request, walked, tieStart + TIES - 1);
        assertSeekMatchesWalk(request, walked, tieStart + TIES);
    }

    @Test
    void relevanceOrderSeekMatchesTheWalkToo() {
        // "hay OR needle" matches every event with varied scores, more hits than one step of the walk takes
        for (String q : List.of("needle", "hay OR needle")) {
            SearchRequest request = new SearchRequest(q, PAGE, null, SearchSort.SCORE);
            List<String> walked = walk(request);
            for (long pos : new long[] {0, 1, walked.size() / 2, 10_000, 10_001, walked.size() - 1, walked.size(), walked.size() + 3}) {
                assertSeekMatchesWalk(request, walked, pos);
            }
        }
    }

    @Test
    void positionZeroNeedsNoCursorAndAnEmptyResultHasNone() {
        assertNull(c.search().cursorAt(SearchRequest.of("*:*", 10), 0));
        assertNull(c.search().cursorAt(SearchRequest.of("nothing_matches_this", 10), 5));
    }

    private static void assertSeekMatchesWalk(SearchRequest request, List<String> walked, long pos) {
        String cursor = c.search().cursorAt(request, pos);
        List<String> page = locators(c.search().search(request.next(cursor)));
        int from = (int) Math.min(pos, walked.size());
        List<String> expected = walked.subList(from, Math.min(walked.size(), from + PAGE));
        assertEquals(expected, page, request.query() + " " + request.sort() + " at hit " + pos);
    }

    private static long[] positions(int total, int tieStart) {
        return new long[] {0, 1, PAGE, total / 2, total / 2 + 1, tieStart, tieStart + 1, total - PAGE, total - 1, total, total + 1_000};
    }

    private static int firstTied(List<String> walked) {
        for (int i = 0; i < walked.size(); i++) if (walked.get(i).startsWith("tie:")) return i;
        return 0;
    }

    private static List<String> walk(SearchRequest first) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            SearchPage page = c.search().search(first.next(cursor));
            all.addAll(locators(page));
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    private static List<String> locators(SearchPage page) {
        return page.events().stream().map(Event::locator).toList();
    }
}
