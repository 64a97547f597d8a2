package dev.tracehound.importers.read;

import dev.tracehound.importers.EventSink;
import java.io.IOException;

/**
 * A gzipped file whose compressed stream is cut short or corrupt. The decoded stream throws it only once everything
 * inflated before the damage has been read, so the records before it import. A reader that knows where it stood
 * ({@link #at}) quarantines the damage as one record: the one it cut, standing for everything after it, which cannot
 * be read. The evidence keeps the compressed bytes as they are.
 */
public final class GzipDamageException extends IOException {
    private final long compressedOffset;
    private final String at;
    private final String readBefore;
    private final String excerpt;

    private GzipDamageException(String message, long compressedOffset, String at, String readBefore, String excerpt) {
        super(message);
        this.compressedOffset = compressedOffset;
        this.at = at;
        this.readBefore = readBefore;
        this.excerpt = excerpt;
    }

    /** The compressed data ends early (a partial download or copy); {@code inflated} bytes came out before. */
    static GzipDamageException truncated(long compressedOffset, long inflated) {
        String why = "the file ends before its compressed data does";
        return new GzipDamageException(inflated == 0 ? "not a valid gzip stream: " + why : "the gzip stream is truncated: " + why,
                compressedOffset, null, null, "");
    }

    /** zlib or the gzip framing refused the data at {@code compressedOffset}. */
    static GzipDamageException corrupt(String zlibReason, long compressedOffset, long inflated) {
        String why = zlibReason == null || zlibReason.isBlank() ? "invalid compressed data"
                : Character.toLowerCase(zlibReason.charAt(0)) + zlibReason.substring(1);
        return new GzipDamageException(inflated == 0
                ? "not a valid gzip stream: " + why + " (at compressed byte " + compressedOffset + ")"
                : "the gzip stream is corrupt at compressed byte " + compressedOffset + ": " + why,
                compressedOffset, null, null, "");
    }

    /**
     * The same damage, placed by the reader that met it: {@code locator} is where reading broke off in the decoded
     * text ({@code line:13}, {@code /2}), {@code readBefore} how much was read before it ({@code 12 lines}),
     * {@code excerpt} what was inflated of the record it cut.
     */
    public GzipDamageException at(String locator, String readBefore, String excerpt) {
        GzipDamageException placed = new GzipDamageException(getMessage(), compressedOffset, locator, readBefore, excerpt);
        placed.setStackTrace(getStackTrace());
        return placed;
    }

    /** "12 lines", "1 record": for {@link #at}. */
    public static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    public long compressedOffset() {
        return compressedOffset;
    }

    /** Where in the decoded text and where in the compressed file reading broke off. */
    public String locator() {
        return (at == null ? "" : at + " ") + "(compressed byte " + compressedOffset + ")";
    }

    public String reason() {
        return readBefore == null ? getMessage() : getMessage() + " (" + readBefore + " read before it)";
    }

    public String excerpt() {
        return excerpt;
    }

    /** Counts the damage as one record read and quarantines it: the records before it stay imported. */
    public void quarantineIn(EventSink sink, long bytesConsumedSoFar) {
        sink.recordRead(bytesConsumedSoFar);
        sink.quarantine(locator(), reason(), excerpt);
    }
}
