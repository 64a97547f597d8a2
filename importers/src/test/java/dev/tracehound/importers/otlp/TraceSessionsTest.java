package dev.tracehound.importers.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TraceSessionsTest {

    @Test
    void theFirstSessionNamedForATraceWins() {
        TraceSessions t = new TraceSessions();
        t.putIfAbsent("0af7651916cd43dd8448eb211c80319c", "conv-1");
        t.putIfAbsent("0af7651916cd43dd8448eb211c80319c", "conv-2");
        assertEquals("conv-1", t.get("0af7651916cd43dd8448eb211c80319c"));
        assertNull(t.get("0af7651916cd43dd8448eb211c80319d"));
        assertEquals(1, t.size());
    }

    @Test
    void manyTracesSurviveGrowthAndAgreeWithAPlainMap() {
        TraceSessions t = new TraceSessions();
        Map<String, String> expected = new HashMap<>();
        Random random = new Random(7);
        byte[] id = new byte[16];
        for (int i = 0; i < 200_000; i++) {
            random.nextBytes(id);
            if (i % 1000 == 0) id[0] = id[1] = id[2] = id[3] = id[4] = id[5] = id[6] = id[7] = 0; // a zero high half
            String trace = HexFormat.of().formatHex(id);
            String session = "conv-" + (i % 5000);
            t.putIfAbsent(trace, session);
            expected.putIfAbsent(trace, session);
        }
        assertEquals(expected.size(), t.size());
        assertEquals(5000, t.distinctSessions());
        expected.forEach((trace, session) -> assertEquals(session, t.get(trace), trace));
        random.nextBytes(id);
        assertNull(t.get(HexFormat.of().formatHex(id)));
    }

    @Test
    void sequentialTraceIdsDoNotCollideIntoOneRun() {
        TraceSessions t = new TraceSessions();
        for (long i = 1; i <= 50_000; i++) t.putIfAbsent(String.format("%032x", i), "s" + (i % 3));
        for (long i = 1; i <= 50_000; i++) assertEquals("s" + (i % 3), t.get(String.format("%032x", i)));
    }

    @Test
    void idsThatAreNot128BitHexAreKeptToo() {
        TraceSessions t = new TraceSessions();
        t.putIfAbsent("5b8efff798038103", "short"); // 8-byte id from a non-conforming exporter
        t.putIfAbsent("abc", "odd");
        assertEquals("short", t.get("5b8efff798038103"));
        assertEquals("odd", t.get("abc"));
        assertNull(t.get("00000000000000000000000000000000"), "the all-zero id is invalid and never stored");
    }

    @Test
    void aSessionNameIsKeptOnceHoweverManyTracesNameIt() {
        TraceSessions t = new TraceSessions();
        t.putIfAbsent("11111111111111111111111111111111", new String("conv-shared"));
        t.putIfAbsent("22222222222222222222222222222222", new String("conv-shared"));
        assertSame(t.get("11111111111111111111111111111111"), t.get("22222222222222222222222222222222"));
        assertEquals(1, t.distinctSessions());
    }
}
