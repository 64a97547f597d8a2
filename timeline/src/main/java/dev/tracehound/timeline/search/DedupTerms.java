package dev.tracehound.timeline.search;

import java.nio.charset.StandardCharsets;
import org.apache.lucene.util.BitUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * How the search index holds dedup keys: as 16 bytes of their MurmurHash3 (x64, 128 bits, seed 0), not the key.
 * Dedup keys are internal (looked up by imports, never searched by a person), one per event, and 60-80 characters
 * sharing long prefixes ({@code span:<trace>:<span>:<part>}): indexed whole they were the costliest terms of an
 * import, Lucene trying to compress every block of them. Whoever looks a key up confirms the row's full key, so a
 * collision costs a row read, never a wrong answer. Changing the hash means a new index layout.
 */
final class DedupTerms {
    private DedupTerms() {}

    static BytesRef of(String dedupKey) {
        byte[] utf8 = dedupKey.getBytes(StandardCharsets.UTF_8);
        long[] h = StringHelper.murmurhash3_x64_128(utf8, 0, utf8.length, 0);
        byte[] term = new byte[16]; // little-endian halves: the reference implementation's byte order
        BitUtil.VH_LE_LONG.set(term, 0, h[0]);
        BitUtil.VH_LE_LONG.set(term, 8, h[1]);
        return new BytesRef(term);
    }

    /** The 64 bits of a dedup term that an in-memory key filter holds it by: its first half. */
    static long filterKey(BytesRef term) {
        return (long) BitUtil.VH_LE_LONG.get(term.bytes, term.offset);
    }
}
