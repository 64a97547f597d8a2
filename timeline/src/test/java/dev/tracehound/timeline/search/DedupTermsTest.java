package dev.tracehound.timeline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class DedupTermsTest {

    @Test
    void aKeyIsSixteenBytesThatDependOnEveryCharacter() {
        BytesRef call = DedupTerms.of("span:4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:call");
        assertEquals(16, call.length);
        assertEquals(call, DedupTerms.of("span:4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:call"));
        assertNotEquals(call, DedupTerms.of("span:4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:cala"));
        assertNotEquals(call, DedupTerms.of("span:4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:call "));
        Set<BytesRef> terms = new HashSet<>();
        for (int i = 0; i < 100_000; i++) terms.add(DedupTerms.of("msg:session-" + (i % 97) + ":" + i));
        assertEquals(100_000, terms.size(), "no two of 100,000 similar keys share a term");
    }

    /**
     * Stored indexes hold these bytes: if the hash ever changed (a Lucene upgrade changing StringHelper), every dedup
     * lookup in an existing case would miss and re-imports would duplicate events. A change must bump the layout.
     */
    @Test
    void theHashIsMurmur3X64OfTheUtf8BytesWithSeedZero() {
        // the published test vector of MurmurHash3_x64_128, in the reference implementation's byte order
        assertEquals("6c1b07bc7bbc4be347939ac4a93c437a",
                HexFormat.of().formatHex(BytesRef.deepCopyOf(DedupTerms.of("The quick brown fox jumps over the lazy dog")).bytes));
        assertEquals("00000000000000000000000000000000", HexFormat.of().formatHex(DedupTerms.of("").bytes));
    }

    @Test
    void theFilterKeyIsTheTermsFirstHalf() {
        BytesRef t = DedupTerms.of("toolcall:trace-1:call_1");
        long expected = java.nio.ByteBuffer.wrap(t.bytes, t.offset, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(expected, DedupTerms.filterKey(t));
        assertEquals(DedupTerms.filterKey(t), LuceneIndex.dedupFilterKey("toolcall:trace-1:call_1"));
        BytesRef shifted = new BytesRef(new byte[20], 4, 16);
        System.arraycopy(t.bytes, t.offset, shifted.bytes, 4, 16);
        assertEquals(expected, DedupTerms.filterKey(shifted), "reads from the term's offset");
    }
}
