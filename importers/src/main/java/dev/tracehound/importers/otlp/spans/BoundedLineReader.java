package dev.tracehound.importers.otlp.spans;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines without letting one endless line fill the heap: a line over the limit is skipped to its end and
 * reported as too long. Counts bytes consumed (UTF-8 estimate from chars) for progress.
 */
public final class BoundedLineReader implements AutoCloseable {
    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[64 * 1024];
    private int pos;
    private int len;
    private long lineNumber;
    private boolean overLong;
    private long charsConsumed;

    public BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator, or null at the end. */
    public String next() throws IOException {
        StringBuilder sb = null;
        overLong = false;
        boolean any = false;
        while (true) {
            if (pos >= len) {
                len = in.read(buf);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    if (!any) return null;
                    lineNumber++;
                    return overLong ? "" : sb == null ? "" : strip(sb);
                }
            }
            any = true;
            int start = pos;
            while (pos < len && buf[pos] != '\n') pos++;
            int count = pos - start;
            charsConsumed += count;
            if (!overLong) {
                if (sb == null) sb = new StringBuilder(Math.min(count + 16, 1 << 16));
                if (sb.length() + count > maxChars) {
                    overLong = true;
                    sb = null;
                } else {
                    sb.append(buf, start, count);
                }
            }
            if (pos < len) {
                pos++;
                charsConsumed++;
                lineNumber++;
                return overLong ? "" : strip(sb);
            }
        }
    }

    private static String strip(StringBuilder sb) {
        int n = sb.length();
        if (n > 0 && sb.charAt(n - 1) == '\r') sb.setLength(n - 1);
        return sb.toString();
    }

    /** 1-based number of the line last returned. */
    public long lineNumber() {
        return lineNumber;
    }

    /** True when the line last returned was over the limit (and came back empty). */
    public boolean wasOverLong() {
        return overLong;
    }

    public long charsConsumed() {
        return charsConsumed;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
