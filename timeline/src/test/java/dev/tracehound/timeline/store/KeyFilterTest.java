package dev.tracehound.timeline.store;

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
}
