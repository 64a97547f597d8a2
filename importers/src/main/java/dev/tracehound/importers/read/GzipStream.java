package dev.tracehound.importers.read;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The gzip decoder of {@link EvidenceStreams}. A stream cut short or corrupt ends in a {@link GzipDamageException}
 * naming the compressed byte where it broke, not in zlib's bare message, and only from a read with nothing left to
 * give: the bytes a failing inflate wrote before it refused the data are handed on first (the JDK's stream drops
 * them), so every byte that could be inflated reaches the reader.
 */
final class GzipStream extends GZIPInputStream {
    private final EvidenceStreams.CountingInputStream compressed;
    private long inflated;
    private GzipDamageException damage;

    private GzipStream(EvidenceStreams.CountingInputStream compressed, int size) throws IOException {
        super(compressed, size);
        this.compressed = compressed;
    }

    /** Reads the gzip header; a header cut short or refused is a damaged stream that inflated nothing. */
    static InputStream open(EvidenceStreams.CountingInputStream compressed, int size) throws IOException {
        try {
            return new GzipStream(compressed, size);
        } catch (EOFException e) {
            throw GzipDamageException.truncated(compressed.count, 0);
        } catch (ZipException e) {
            throw GzipDamageException.corrupt(e.getMessage(), compressed.count, 0);
        }
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (damage != null) throw damage;
        long writtenBefore = inf.getBytesWritten();
        try {
            int n = super.read(buf, off, len);
            if (n > 0) inflated += n;
            return n;
        } catch (EOFException e) {
            damage = GzipDamageException.truncated(compressed.count, inflated);
        } catch (ZipException e) {
            long salvaged = Math.max(0, inf.getBytesWritten() - writtenBefore); // written into buf before zlib refused the data
            inflated += salvaged;
            damage = GzipDamageException.corrupt(e.getMessage(), compressed.count - inf.getRemaining(), inflated);
            if (salvaged > 0) return (int) salvaged;
        }
        throw damage;
    }

    /**
     * Promises nothing: a {@link java.io.BufferedInputStream} above keeps reading while this says more is there, and
     * would lose the bytes it already holds when the next read throws the damage.
     */
    @Override
    public int available() {
        return 0;
    }
}
