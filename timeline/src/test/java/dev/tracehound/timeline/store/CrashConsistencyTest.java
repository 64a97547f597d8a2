package dev.tracehound.timeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed mid-import leaves a case that opens consistent, and running the import again completes it. The
 * child commits the index every 2,500 events, so the kill falls between index commits with work on both sides, after
 * enough time for H2 to have written some of it. A machine fast enough to reach the child's hold point before the kill
 * still leaves the database ahead of the last index commit, which the reopen must repair.
 */
class CrashConsistencyTest {
    private static final int EVENTS = 60_000;
    @TempDir Path tmp;

    @Test
    void killedImportLeavesDatabaseAndIndexInAgreementAndCanBeRerun() throws Exception {
        Path dir = tmp.resolve("case");
        Cases.create(dir, "crash").close();
        Path export = tmp.resolve("export.jsonl");
        Files.writeString(export, "{\"synthetic\":true}\n");

        // the child stops feeding at 36,000, so even a machine fast enough to get there within the wait is killed mid-import
        Process child = ChildJvm.start("ingest", dir.toString(), export.toString(), Integer.toString(EVENTS), "36000");
        try {
            BufferedReader out = ChildJvm.stdout(child);
            // Flushing hands a batch to the writer (at most three in flight), so by 12,000 flushed at least 6,000 are
            // committed in H2; H2 writes commits to disk within about a second, so wait that long before the kill.
            ChildJvm.awaitLine(child, out, "FLUSHED 12000");
            Thread.sleep(1_500);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        }

        long afterCrash;
        try (Case c = Cases.open(dir)) {
            afterCrash = c.events().count();
            assertTrue(afterCrash > 0 && afterCrash < EVENTS, "expected a partial import, got " + afterCrash);
            assertEquals(databaseSeqs(c), indexSeqs(c));
            assertEquals(afterCrash, c.search().count("*:*"));
            // totals are written every 2,500 events: rows committed since then are counted on open
            assertEquals(sessionRows(c), sessionTotals(c));
            EvidenceRecord ev = c.evidence().list().getFirst();
            assertFalse(ev.complete(), "an interrupted import must not look complete");

            List<Event> events = ChildJvm.events(ev, EVENTS);
            IngestStats rerun = TestCases.ingestAll(c, c.evidence().add(export, "jsonl"), events);
            assertEquals(EVENTS - afterCrash, rerun.added());
            assertEquals(afterCrash, rerun.duplicates());
            assertTrue(c.evidence().get(ev.sha256()).orElseThrow().complete());
        }
        try (Case c = Cases.open(dir)) {
            Set<String> ids = databaseIds(c);
            assertEquals(EVENTS, ids.size());
            assertEquals(databaseSeqs(c), indexSeqs(c));
            assertEquals(EVENTS, c.search().count("synthetic"));
            assertEquals(sessionRows(c), sessionTotals(c));
            assertEquals(EVENTS / 100, sessionTotals(c).size());
            assertTrue(c.verify().intact(), c.verify().problems().toString());
        }
    }

    /** Events per session as the session list counts them. */
    private static java.util.Map<String, Long> sessionTotals(Case c) {
        java.util.Map<String, Long> totals = new java.util.TreeMap<>();
        c.events().sessions().forEach(s -> totals.put(s.sessionId(), s.events()));
        return totals;
    }

    /** Events per session as stored. */
    private static java.util.Map<String, Long> sessionRows(Case c) {
        java.util.Map<String, Long> rows = new java.util.TreeMap<>();
        c.events().forEach(e -> rows.merge(e.sessionId(), 1L, Long::sum));
        return rows;
    }

    private static Set<String> databaseIds(Case c) {
        Set<String> ids = new HashSet<>();
        c.events().forEach(e -> ids.add(e.eventId()));
        return ids;
    }

    private static Set<Long> databaseSeqs(Case c) {
        Set<Long> seqs = new HashSet<>();
        ((H2EventStore) c.events()).forEachAfterSeq(0, (e, seq, also) -> seqs.add(seq));
        return seqs;
    }

    private static Set<Long> indexSeqs(Case c) {
        Set<Long> seqs = new HashSet<>();
        ((LocalCase) c).index().forEachSeq(seq -> assertTrue(seqs.add(seq), "indexed twice: " + seq));
        return seqs;
    }
}
