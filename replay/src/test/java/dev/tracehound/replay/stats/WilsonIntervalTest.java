package dev.tracehound.replay.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WilsonIntervalTest {

    @Test
    void matchesPublishedValues() {
        // Reference values of the Wilson score interval at 95% (z = 1.96), e.g. Newcombe (1998) and any
        // statistics package (statsmodels proportion_confint(method="wilson")).
        assertInterval(WilsonInterval.of(9, 10), 0.5958, 0.9821);
        assertInterval(WilsonInterval.of(0, 10), 0.0, 0.2775);
        assertInterval(WilsonInterval.of(10, 10), 0.7225, 1.0);
        assertInterval(WilsonInterval.of(5, 10), 0.2366, 0.7634);
        assertInterval(WilsonInterval.of(1, 20), 0.0089, 0.2361);
    }

    @Test
    void summaryLineStatesTheInterval() {
        assertEquals("reproduced 9/10 (95% Wilson interval 0.60–0.98)", ReproductionRate.of(9, 10).describe());
        assertEquals("reproduced 0/0 (no trial completed)", ReproductionRate.of(0, 0).describe());
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(11, 10));
    }

    private static void assertInterval(WilsonInterval w, double low, double high) {
        assertEquals(low, w.low(), 1e-4);
        assertEquals(high, w.high(), 1e-4);
    }
}
