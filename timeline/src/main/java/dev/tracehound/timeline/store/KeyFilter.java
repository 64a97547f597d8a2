package dev.tracehound.timeline.store;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of strings that answers "certainly not in it" or "maybe in it" (a Bloom filter that grows: when its newest
 * part is full, a part twice as large is added). About 1.2 bytes per key at a 1 % false-positive rate per part, so
 * an import can tell in memory that an id or dedup key is new, and asks the index only about the rest.
 */
final class KeyFilter {
    private static final int HASHES = 7;
    private static final int BITS_PER_KEY = 10;

    private final List<Part> parts = new ArrayList<>();

    KeyFilter(int expectedKeys) {
        parts.add(new Part(Math.max(expectedKeys, 1 << 16)));
    }

    void add(String key) {
        long h = RowKeys.hash(key);
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

    private boolean mightContain(long h) {
        for (Part p : parts) if (p.mightContain(h)) return true;
        return false;
    }

    private static final class Part {
        final long capacity;
        final long[] words;
        final long bits;
        long count;

        Part(long capacity) {
            this.capacity = capacity;
            this.words = new long[(int) Math.min(Integer.MAX_VALUE - 8, (capacity * BITS_PER_KEY + 63) / 64)];
            this.bits = words.length * 64L;
        }

        // double hashing over the two halves of a well-mixed 64-bit hash
        void add(long h) {
            int h1 = (int) h, h2 = (int) (h >>> 32);
            for (int i = 1; i <= HASHES; i++) {
                long bit = Integer.toUnsignedLong(h1 + i * h2) % bits;
                words[(int) (bit >>> 6)] |= 1L << bit;
            }
            count++;
        }

        boolean mightContain(long h) {
            int h1 = (int) h, h2 = (int) (h >>> 32);
            for (int i = 1; i <= HASHES; i++) {
                long bit = Integer.toUnsignedLong(h1 + i * h2) % bits;
                if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) return false;
            }
            return true;
        }
    }
}
