package dev.tracehound.importers.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a line-delimited file as raw bytes, with line numbers and byte offsets, without ever holding a
 * line longer than {@link #MAX_RECORD_BYTES}: a 200 MB single line is skipped to the next newline and
 * reported as oversized (the caller quarantines it) while memory stays bounded. A damaged gzip stream ends the lines
 * with a {@link GzipDamageException} placed at the line it cut.
 */
public final class JsonLines implements Closeable {
    /** 64 MiB: larger records are quarantined, not parsed. */
    public static final int MAX_RECORD_BYTES = 64 << 20;

    private final InputStream in;
    private final int maxRecordBytes;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private byte[] line = new byte[8192];
    private long lineNumber;
    private long consumed;

    public JsonLines(InputStream in) {
        this(in, MAX_RECORD_BYTES);
    }

    public JsonLines(InputStream in, int maxRecordBytes) {
        this.in = in;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** One line. {@code bytes} is shared and overwritten by the next call; {@code length} bytes are valid. */
    public record Line(long number, long offset, byte[] bytes, int length, long fullLength) {
        public boolean oversized() {
            return fullLength > length;
        }

        public boolean blank() {
            for (int i = 0; i < length; i++) {
                byte b = bytes[i];
                if (b != ' ' && b != '\t' && b != '\r') return false;
            }
            return fullLength == length;
        }

        public String locator() {
            return "line:" + number;
        }

        /** The first 200 characters, decoded leniently, for quarantine entries. */
        public String excerpt() {
            return Excerpts.of(bytes, length);
        }
    }

    /** Total bytes consumed so far, including newlines. */
    public long bytesConsumed() {
        return consumed;
    }

    /** The next line, or null at the end of the input. */
    public Line next() throws IOException {
        long offset = consumed;
        int length = 0;
        long full = 0;
        boolean any = false;
        while (true) {
            if (pos == end) {
                end = fill(length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (!any) return null;
                    break;
                }
            }
            any = true;
            int start = pos;
            int nl = -1;
            for (int i = pos; i < end; i++) {
                if (buf[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int chunkEnd = nl >= 0 ? nl : end;
            int chunk = chunkEnd - start;
            if (length < maxRecordBytes) {
                int take = Math.min(chunk, maxRecordBytes - length);
                ensure(length + take);
                System.arraycopy(buf, start, line, length, take);
                length += take;
            }
            full += chunk;
            consumed += chunk;
            if (nl >= 0) {
                pos = nl + 1;
                consumed++;
                break;
            }
            pos = end;
        }
        if (length > 0 && length == full && line[length - 1] == '\r') {
            length--;
            full--;
        }
        lineNumber++;
        return new Line(lineNumber, offset, line, length, full);
    }

    /** The next bytes; a damaged gzip stream is placed at the line it cut, {@code cutLength} bytes of which were read. */
    private int fill(int cutLength) throws IOException {
        try {
            return in.read(buf, 0, buf.length);
        } catch (GzipDamageException e) {
            throw e.at("line:" + (lineNumber + 1), GzipDamageException.count(lineNumber, "line"), Excerpts.of(line, cutLength));
        }
    }

    private void ensure(int capacity) {
        if (capacity > line.length) line = Arrays.copyOf(line, Math.max(capacity, Math.min(maxRecordBytes, line.length * 2)));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Short, printable excerpts of hostile bytes. */
    public static final class Excerpts {
        private Excerpts() {}

        public static String of(byte[] bytes, int length) {
            String s = new String(bytes, 0, Math.min(length, 800), StandardCharsets.UTF_8);
            return of(s);
        }

        public static String of(String s) {
            if (s == null) return "";
            StringBuilder b = new StringBuilder(Math.min(s.length(), 200));
            for (int i = 0; i < s.length() && b.length() < 200; i++) {
                char c = s.charAt(i);
                b.append(c < 0x20 && c != '\t' ? ' ' : c);
            }
            return b.toString();
        }
    }
}
