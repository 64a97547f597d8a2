package dev.tracehound.timeline.store;

/**
 * 64-bit keys for the events table's lookup columns (event id, dedup key, span and parent span ids). The database
 * indexes these numbers instead of the strings: identifiers are random, so every insert lands in a different index
 * page, and the database rewrites each touched page at commit; an index of longs has a quarter of the pages and
 * writes them several times faster than one of 30-70 character strings. A key is not unique: queries match on the
 * key through the index and then on the full string, so two strings sharing a key cost one extra row, never a
 * wrong answer.
 */
final class RowKeys {
    private RowKeys() {}

    /** The key of {@code s}; null for null, so a missing value stays missing. */
    static Long of(String s) {
        return s == null ? null : hash(s);
    }

    /** FNV-1a over the UTF-16 code units, then MurmurHash3's finaliser to spread the bits. Stable forever: stored. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** Keys of several strings, for {@code = ANY(?)} lookups; nulls are skipped. */
    static Long[] of(java.util.Collection<String> strings) {
        return strings.stream().filter(java.util.Objects::nonNull).map(RowKeys::hash).distinct().toArray(Long[]::new);
    }
}
