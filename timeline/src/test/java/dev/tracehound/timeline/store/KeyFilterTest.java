package dev.tracehound.timeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyFilterTest {

    @Test
    void neverForgetsAKeyAndRarelyClaimsAnUnseenOneWhileGrowing() {
        KeyFilter filter = new KeyFilter(1_000); // grows to several parts
        int n = 400_000;
        for (int i = 0; i < n; i++) filter.add("event-" + i);
        for (int i = 0; i < n; i++) assertTrue(filter.mightContain("event-" + i), "no false negative");
        int falsePositives = 0;
        for (int i = 0; i < 100_000; i++) if (filter.mightContain("other-" + i)) falsePositives++;
        // each part answers wrongly for about 1 % of unseen keys; a few parts together stay well under 5 %
        assertTrue(falsePositives < 5_000, falsePositives + " false positives in 100,000");
        assertFalse(new KeyFilter(10).mightContain("anything"));
    }

    @Test
    void roomReservedForAnImportKeepsOnePartAndFewFalsePositives() {
        KeyFilter grown = new KeyFilter(1_000);
        KeyFilter reserved = new KeyFilter(1_000);
        reserved.reserve(800_000);
        reserved.reserve(500_000); // the newest part has that room already
        int n = 400_000;
        for (int i = 0; i < n; i++) {
            grown.add("event-" + i);
            reserved.add("event-" + i);
        }
        assertTrue(grown.parts() >= 3, "doubling from a small filter: " + grown.parts() + " parts");
        assertEquals(1, reserved.parts(), "one part, one cache line a lookup");
        int grownFalse = 0, reservedFalse = 0;
        for (int i = 0; i < 100_000; i++) {
            if (grown.mightContain("other-" + i)) grownFalse++;
            if (reserved.mightContain("other-" + i)) reservedFalse++;
        }
        assertTrue(reservedFalse < 300, reservedFalse + " false positives in 100,000 (half-full part)");
        assertTrue(reservedFalse * 4 < grownFalse, reservedFalse + " against " + grownFalse + " in the grown filter");
        for (int i = 0; i < n; i++) assertTrue(reserved.mightContain("event-" + i));
    }

    @Test
    void aReservationBeyondTheNewestPartAddsOneAndKeepsEveryKey() {
        KeyFilter filter = new KeyFilter(70_000);
        for (int i = 0; i < 60_000; i++) filter.add("before-" + i);
        filter.reserve(1_000_000);
        assertEquals(2, filter.parts());
        for (int i = 0; i < 1_000_000; i++) filter.add("after-" + i);
        assertEquals(2, filter.parts(), "the reserved part took them all");
        for (int i = 0; i < 60_000; i++) assertTrue(filter.mightContain("before-" + i));
    }
}
