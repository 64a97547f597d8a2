package dev.tracehound.importers.read;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Opens evidence content for importers: gzip is recognised by its magic bytes (not the file name) and
 * inflated transparently, under a {@link DecompressionLimit} so a gzip bomb stops with a clear error. A gzip stream
 * cut short or corrupt gives what inflated before the damage, then a {@link GzipDamageException}.
 */
public final class EvidenceStreams {
    private static final int BUFFER = 1 << 16;

    private EvidenceStreams() {}

    public static boolean isGzip(byte[] head, int length) {
        return length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    /** Wraps {@code raw} (taking ownership), inflating it when it starts with the gzip magic bytes. */
    public static InputStream decoded(InputStream raw, String name, DecompressionLimit limit) throws IOException {
        BufferedInputStream in = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, BUFFER);
        in.mark(2);
        byte[] magic = in.readNBytes(2);
        in.reset();
        if (!isGzip(magic, magic.length)) return in;
        CountingInputStream compressed = new CountingInputStream(in);
        return new BufferedInputStream(new BombGuard(GzipStream.open(compressed, BUFFER), compressed, name, limit), BUFFER);
    }

    /**
     * Reads up to {@code max} bytes of the (decoded) stream, for detection. A damaged gzip stream gives the bytes
     * inflated before the damage (the import meets the damage again and quarantines it); damage before the first
     * byte leaves nothing to detect, and is thrown.
     */
    public static byte[] head(InputStream decoded, int max) throws IOException {
        byte[] head = new byte[max];
        int n = 0;
        try {
            while (n < max) {
                int r = decoded.read(head, n, max - n);
                if (r < 0) break;
                n += r;
            }
        } catch (GzipDamageException e) {
            if (n == 0) throw e;
        }
        return n == max ? head : Arrays.copyOf(head, n);
    }

    /** Counts bytes pulled from the underlying (compressed) stream. */
    static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) count += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }

    /** Stops inflation once the output is both huge and out of proportion to the input. */
    static final class BombGuard extends FilterInputStream {
        private final CountingInputStream compressed;
        private final String name;
        private final DecompressionLimit limit;
        private long produced;

        BombGuard(InputStream inflated, CountingInputStream compressed, String name, DecompressionLimit limit) {
            super(inflated);
            this.compressed = compressed;
            this.name = name;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                produced += n;
                if (limit.exceeded(produced, compressed.count)) {
                    throw new DecompressionBombException(String.format(
                            "%s looks like a gzip bomb: %,d compressed bytes inflated to over %,d bytes (limit %,d bytes at more than %.0fx); "
                                    + "import stopped, records read so far are kept. Decompress it yourself and import the parts if it is genuine.",
                            name, compressed.count, produced, limit.maxBytes(), limit.maxRatio()));
                }
            }
            return n;
        }
    }
}
