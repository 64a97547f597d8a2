package dev.tracehound.timeline.store;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of strings that answers "certainly not in it" or "maybe in it" (a Bloom filter that grows: when its newest
 * part is full, a part twice as large is added). About 1.2 bytes per key at a 1 % false-positive rate per part, so
 * an import can tell in memory that an id or dedup key is new, and asks the index only about the rest.
 * <p>
 * Every part is probed for every key and the false positives of full parts add up, so an import reserves room for
 * the keys it expects ({@link #reserve}): grown by doubling from an empty case, a 2 GB import ended with seven
 * parts, seven cache misses a lookup, and several percent of its new keys looked up in the index for nothing.
 */
final class KeyFilter {
    private static final int HASHES = 7;
    private static final int BITS_PER_KEY = 10;
    /** The smallest part: below this a part would fill and be outgrown within one batch or two. */
    private static final long MIN_PART_KEYS = 1 << 16;

    private final List<Part> parts = new ArrayList<>();

    KeyFilter(long expectedKeys) {
        parts.add(new Part(Math.max(expectedKeys, MIN_PART_KEYS)));
    }

    /** Makes room for this many more keys in one part, unless the newest part has it already. */
    void reserve(long moreKeys) {
        Part last = parts.getLast();
        if (last.capacity - last.count >= moreKeys) return;
        if (last.count == 0) parts.removeLast(); // an empty part is only in the way
        parts.add(new Part(Math.max(moreKeys, parts.isEmpty() ? MIN_PART_KEYS : parts.getLast().capacity * 2)));
    }

    /** How many parts a lookup probes. */
    int parts() {
        return parts.size();
    }

    void add(String key) {
        add(RowKeys.hash(key));
    }

    /** Adds a key that is a 64-bit hash already. */
    void add(long h) {
        if (mightContain(h)) return; // keeps the parts from filling with repeats
        Part last = parts.getLast();
        if (last.count >= last.capacity) {
            last = new Part(last.capacity * 2);
            parts.add(last);
        }
        last.add(h);
    }

    boolean mightContain(String key) {
        return mightContain(RowKeys.hash(key));
    }

    /** Whether a key given as a 64-bit hash may be in the set. */
    boolean mightContain(long h) {
        for (Part p : parts) if (p.mightContain(h)) return true;
        return false;
    }

    /**
     * Blocked: all bits of a key lie in one 64-byte block (a cache line), so a lookup costs one memory miss instead
     * of one per bit; with millions of keys the parts outgrow the CPU caches and those misses were the cost.
     */
    private static final class Part {
        private static final int WORDS_PER_BLOCK = 8;

        final long capacity;
        final long[] words;
        final int blocks;
        long count;

        Part(long capacity) {
            this.capacity = capacity;
            long words = Math.min(Integer.MAX_VALUE - 8, (capacity * BITS_PER_KEY + 63) / 64);
            this.blocks = (int) Math.max(1, words / WORDS_PER_BLOCK);
            this.words = new long[blocks * WORDS_PER_BLOCK];
        }

        void add(long h) {
            int base = block(h);
            int h2 = (int) (h >>> 32);
            for (int i = 1; i <= HASHES; i++) {
                int bit = (h2 + i * (h2 >>> 9 | 1)) & 511;
                words[base + (bit >>> 6)] |= 1L << bit;
            }
            count++;
        }

        boolean mightContain(long h) {
            int base = block(h);
            int h2 = (int) (h >>> 32);
            for (int i = 1; i <= HASHES; i++) {
                int bit = (h2 + i * (h2 >>> 9 | 1)) & 511;
                if ((words[base + (bit >>> 6)] & (1L << bit)) == 0) return false;
            }
            return true;
        }

        /** First word of the key's block, from the hash's low half (the bits inside come from the high half). */
        private int block(long h) {
            return (int) (Integer.toUnsignedLong((int) h) % blocks) * WORDS_PER_BLOCK;
        }
    }
}
