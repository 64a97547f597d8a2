package dev.tracehound.timeline.store;

/**
 * A stable, well-mixed 64-bit hash of a string: the key filter's hash ({@link KeyFilter}), and the lookup keys of
 * schema version 2 (filled when upgrading a version-1 case on its way to the current version).
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
