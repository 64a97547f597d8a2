package dev.tracehound.timeline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BareLuceneTest {
    @TempDir Path tmp;

    @Test
    void aFileWithinTheCapIsComparedWithAsMuchTextIndexedCold() throws IOException {
        BareLucene.Rate r = BareLucene.syntheticRate(tmp, 4_000_000L, 8_000_000L, 2_000_000L);
        assertFalse(r.warmedUp());
        assertFalse(Files.exists(tmp.resolve("warm-up")), "no untimed run");
        assertEquals(4.0, r.textMb(), 0.6, "as much text as the file has (the synthetic texts average 2.1 KB)");
        assertTrue(r.mbPerSecond() > 0 && r.cpuSecondsPerMb() > 0);
    }

    @Test
    void aLargerFileIsComparedWithTheCappedAmountAfterAnUntimedWarmUp() throws IOException {
        BareLucene.Rate r = BareLucene.syntheticRate(tmp, 50_000_000L, 3_000_000L, 2_000_000L);
        assertTrue(r.warmedUp());
        assertTrue(Files.isDirectory(tmp.resolve("warm-up").resolve("baseline-index")), "the warm-up indexed its own text");
        assertEquals(3.0, r.textMb(), 0.5, "the timed run is capped, not the file's 50 MB");
        // timed three times, each into an index of its own, and the median run is the rate
        for (int i = 1; i <= BareLucene.WARM_TIMED_RUNS; i++) {
            assertTrue(Files.isDirectory(tmp.resolve("timed-" + i).resolve("baseline-index")), "timed run " + i);
        }
        assertFalse(Files.exists(tmp.resolve("timed-" + (BareLucene.WARM_TIMED_RUNS + 1))));
    }
}
