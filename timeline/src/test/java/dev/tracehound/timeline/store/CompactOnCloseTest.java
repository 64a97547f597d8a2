package dev.tracehound.timeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import leaves the database file full of holes; closing the case compacts it and loses nothing. */
class CompactOnCloseTest {
    @TempDir Path tmp;

    @AfterEach
    void restore() {
        System.clearProperty("tracehound.compactAfterGrowth");
    }

    @Test
    void aCaseThatGrewALotIsCompactedWhenItClosesWithEveryEventKept() throws Exception {
        System.setProperty("tracehound.compactAfterGrowth", Long.toString(1L << 20));
        Path dir = tmp.resolve("case");
        Path db = dir.resolve("case.mv.db");
        long beforeClose;
        List<Event> events = new ArrayList<>();
        try (Case c = Cases.create(dir, "holes")) {
            EvidenceRecord ev = TestCases.evidence(c, tmp, "a.jsonl", "{}\n");
            for (int i = 0; i < 20_000; i++) {
                // random ids, dedup keys and spans: every insert touches other index pages, as real imports do
                events.add(Event.builder(ev.sha256(), "line:" + i).sessionId("s" + (i % 50)).spanId("span-" + i * 7919L)
                        .dedupKey("msg:s:" + Integer.toHexString(i * 31 + 17)).startNanos(TestCases.T0 + i)
                        .kind(EventKind.USER_MESSAGE).text("event number " + i + " asks about invoices").build());
            }
            TestCases.ingestAll(c, ev, events);
            beforeClose = Files.size(db);
        }
        long afterClose = Files.size(db);
        assertTrue(afterClose * 2 < beforeClose, "compacted from " + beforeClose + " to " + afterClose + " bytes");
        try (Case c = Cases.open(dir)) {
            assertEquals(events.size(), c.events().count());
            assertEquals(events.get(12_345), c.events().get(events.get(12_345).eventId()).orElseThrow());
            assertEquals(events.size(), c.search().count("invoices"));
            assertTrue(c.verify().intact(), c.verify().problems().toString());
        }
        assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().endsWith(".trace.db")), "no H2 error trace left behind");
    }
}
