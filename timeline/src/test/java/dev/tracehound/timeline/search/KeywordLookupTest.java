package dev.tracehound.timeline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.store.KeywordLookup.KeywordRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index's keyword lookups that let the session list narrow its candidates before reading rows. */
class KeywordLookupTest {
    private static final String EVIDENCE = "ab".repeat(32);
    private static final int EVENTS = 400;

    @TempDir Path tmp;

    /** Every tenth event is a tool call on span T-i; the others hang from the tool call before them. */
    private static Event event(int i) {
        Event.Builder b = Event.builder(EVIDENCE, "line:" + i).sessionId("Sess-" + (i % 3)).startNanos(i);
        if (i % 10 == 0) return b.kind(EventKind.TOOL_CALL).spanId("T-" + i).build();
        return b.kind(EventKind.NOTE).spanId("s-" + i).parentId("T-" + (i / 10 * 10)).build();
    }

    private static List<KeywordRow> expectedChildren(List<Integer> toolCalls) {
        List<KeywordRow> rows = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            if (i % 10 != 0 && toolCalls.contains(i / 10 * 10)) rows.add(new KeywordRow(i, "t-" + (i / 10 * 10), "sess-" + (i % 3)));
        }
        return rows;
    }

    private static List<KeywordRow> sorted(List<KeywordRow> rows) {
        return rows.stream().sorted(Comparator.comparingLong(KeywordRow::seq)).toList();
    }

    @Test
    void rowsCarryTheirTermAndSessionWhetherTermsAreSoughtOrWalked() {
        try (LuceneIndex index = LuceneIndex.open(tmp.resolve("index"), 16)) {
            List<Event> events = IntStream.range(0, EVENTS).mapToObj(KeywordLookupTest::event).toList();
            index.add(events, IntStream.range(0, EVENTS).mapToLong(i -> i).toArray(), Map.of());
            // a deleted document is no row: the event is indexed again under a new sequence
            index.update(events.get(11), 1_000, List.of());
            index.refresh();

            // one term against a dictionary of hundreds: sought
            List<KeywordRow> one = sorted(index.rowsWith("parent", List.of("T-10")));
            List<KeywordRow> expectedOne = new ArrayList<>(expectedChildren(List.of(10)));
            expectedOne.removeIf(r -> r.seq() == 11);
            expectedOne.add(new KeywordRow(1_000, "t-10", "sess-2"));
            assertEquals(expectedOne, one);

            // every tool span: the dictionary is walked once
            List<Integer> all = IntStream.range(0, EVENTS / 10).map(i -> i * 10).boxed().toList();
            List<KeywordRow> walked = sorted(index.rowsWith("parent", all.stream().map(i -> "T-" + i).toList()));
            List<KeywordRow> expectedAll = new ArrayList<>(expectedChildren(all));
            expectedAll.removeIf(r -> r.seq() == 11);
            expectedAll.add(new KeywordRow(1_000, "t-10", "sess-2"));
            assertEquals(expectedAll, walked);
        }
    }

    @Test
    void termsOfSelectedRowsComeFromTheDictionaryAlone() {
        try (LuceneIndex index = LuceneIndex.open(tmp.resolve("index"), 16)) {
            List<Event> events = IntStream.range(0, EVENTS).mapToObj(KeywordLookupTest::event).toList();
            index.add(events, IntStream.range(0, EVENTS).mapToLong(i -> i).toArray(), Map.of());
            index.refresh();
            List<KeywordRow> toolSpans = sorted(index.termsOfRowsWith("kind", EventKind.TOOL_CALL.name(), "span"));
            assertEquals(EVENTS / 10, toolSpans.size());
            for (KeywordRow r : toolSpans) {
                assertEquals(0, r.seq() % 10, "only tool calls: " + r);
                assertEquals("t-" + r.seq(), r.term());
                assertEquals("sess-" + (r.seq() % 3), r.session());
            }
            assertTrue(index.termsOfRowsWith("kind", EventKind.MODEL_CALL.name(), "span").isEmpty());
        }
    }
}
