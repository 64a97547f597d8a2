package dev.tracehound.importers.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionSequencesTest {
    @Test
    void eachSessionCountsFromZeroInReadOrderWhateverTheOthersDo() {
        SessionSequences seq = new SessionSequences();
        List<Long> got = new ArrayList<>();
        for (String s : new String[] {"a", "b", "a", null, "a", "b", null}) got.add(seq.next(s));
        assertEquals(List.of(0L, 0L, 1L, 0L, 2L, 1L, 1L), got);
    }
}
