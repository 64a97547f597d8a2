package dev.tracehound.app.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeFormatTest {

    @Test
    void zeroIsTheEpochNotAMissingTime() {
        // the first time inferred from record order is exactly 0; tables used to print nothing for it, and the
        // inspector's context list cut the blank at column 11 and failed
        assertEquals("1970-01-01 00:00:00.000", TimeFormat.human(0));
        assertEquals("00:00:00.000", TimeFormat.human(0).substring(11));
        assertEquals("1970-01-01 00:00:00.000~", TimeFormat.human(0, true));
        assertEquals("2025-01-01 10:00:00.000", TimeFormat.human(1_735_725_600_000_000_000L, false));
        assertEquals("1970-01-01T00:00:00Z", TimeFormat.iso(0));
    }

    @Test
    void sessionsWithinTheEpochsFirstDayHaveInferredTimes() {
        assertTrue(TimeFormat.inferredSpan(0));
        assertTrue(TimeFormat.inferredSpan(2_000));
        assertFalse(TimeFormat.inferredSpan(1_735_725_600_000_000_000L));
    }
}
