package dev.tracehound.importers.read;

/**
 * When a gzipped file counts as a bomb: decompressed output beyond {@code maxBytes} AND more than
 * {@code maxRatio} times the compressed bytes consumed. Both must hold, so a large honest log that
 * compresses well still imports, while a tiny file that inflates to gigabytes stops.
 */
public record DecompressionLimit(long maxBytes, double maxRatio) {

    /** 1 GiB and 200x. */
    public static final DecompressionLimit DEFAULT = new DecompressionLimit(1L << 30, 200);

    public boolean exceeded(long decompressed, long compressed) {
        return decompressed > maxBytes && decompressed > maxRatio * Math.max(1, compressed);
    }
}
