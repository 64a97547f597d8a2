package dev.tracehound.importers.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.tracehound.importers.EventSink;
import dev.tracehound.importers.ImportSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where the JSON of a document broke, inside a record. A parser cannot find its way back after a syntax error (a
 * missing quote turns the rest of the file into one string, a missing bracket shifts every level after it), so
 * reading never resumes after one. The record it broke in is quarantined, as one record, with its own opening text;
 * then either the file simply ends there (an export cut short: nothing else is lost, the import completes), or the
 * import stops with an error saying where and how much was left unread, so a case never shows a file as completely
 * imported when part of it was not read.
 */
public final class JsonBreak {
    private static final int EXCERPT_BYTES = 800;

    private final JsonProcessingException cause;
    private final String locator;
    private final long at;
    private final long line;
    private final long column;
    private final String excerpt;
    private final boolean truncated;
    /** Bytes of the (decompressed) file, or -1 when reading it again failed. */
    private final long total;

    private JsonBreak(JsonProcessingException cause, String locator, long at, long line, long column, String excerpt,
            boolean truncated, long total) {
        this.cause = cause;
        this.locator = locator;
        this.at = at;
        this.line = line;
        this.column = column;
        this.excerpt = excerpt;
        this.truncated = truncated;
        this.total = total;
    }

    /**
     * Reads the file again (only on this error path) for the broken record's opening text and for what follows the
     * break: nothing but whitespace means the file was cut short there.
     *
     * @param recordStart the byte offset where the broken record starts, or -1 when unknown
     */
    public static JsonBreak of(ImportSource source, JsonParser parser, JsonProcessingException e, String locator, long recordStart) {
        var where = e.getLocation() != null && e.getLocation().getByteOffset() >= 0 ? e.getLocation() : parser.currentLocation();
        long at = Math.max(0, where.getByteOffset());
        long from = recordStart >= 0 && recordStart <= at ? recordStart : at;
        byte[] head = new byte[0];
        boolean more;
        long total;
        try (InputStream in = source.open()) {
            in.skipNBytes(from);
            head = in.readNBytes(EXCERPT_BYTES);
            long pos = from + head.length;
            more = false;
            for (long i = Math.max(0, at - from); i < head.length; i++) more |= !isWhitespace(head[(int) i]);
            if (pos < at) {
                in.skipNBytes(at - pos);
                pos = at;
            }
            int b;
            while (!more && (b = in.read()) >= 0) {
                pos++;
                more = !isWhitespace((byte) b);
            }
            total = pos + in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException rereadFailed) {
            total = -1; // the parser got this far, so say no more than that
            more = true;
        }
        boolean truncated = e instanceof JsonEOFException || !more;
        return new JsonBreak(e, locator, at, where.getLineNr(), where.getColumnNr(), JsonLines.Excerpts.of(head, head.length), truncated, total);
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /** True when the file ends inside the record: nothing after it was lost. */
    public boolean truncated() {
        return truncated;
    }

    public String locator() {
        return locator;
    }

    /** The broken record's opening text. */
    public String excerpt() {
        return excerpt;
    }

    /** Why the record is quarantined. */
    public String reason() {
        if (truncated) return "the file ends inside this record (cut short at " + position() + "): " + Json.reason(cause);
        return Json.reason(cause) + " at " + position() + "; reading stopped here, since a JSON document cannot be resumed after a "
                + "syntax error: " + unread() + " after it were not read";
    }

    /** The error that stops the import, once what was read before the break has been handed on. */
    public IOException stopped() {
        return new IOException("reading stopped at " + position() + (total >= 0 ? " of " + total + " bytes" : "")
                + ", inside " + locator + ": " + Json.reason(cause) + ". A JSON document cannot be resumed after a syntax error, so "
                + unread() + " after it were not read; the records before it were imported", cause);
    }

    /**
     * The usual handling: counts the broken record as read, quarantines it, and throws {@link #stopped()} unless the
     * file simply ends there.
     */
    public void quarantineAndStopUnlessTruncated(EventSink sink) throws IOException {
        sink.recordRead(at);
        sink.quarantine(locator, reason(), excerpt);
        if (!truncated) throw stopped();
    }

    private String position() {
        return "line " + line + ", column " + column + " (byte " + at + ")";
    }

    private String unread() {
        return total >= 0 ? "the " + (total - at) + " bytes" : "the bytes";
    }
}
