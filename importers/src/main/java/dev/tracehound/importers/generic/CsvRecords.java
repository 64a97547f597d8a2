package dev.tracehound.importers.generic;

import dev.tracehound.importers.read.GzipDamageException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 CSV reader: quoted fields may hold commas, doubled quotes and newlines. A record
 * longer than {@code maxChars} is skipped to its end and reported as oversized, so memory stays bounded.
 * Invalid UTF-8 is decoded with U+FFFD (the evidence keeps the bytes). A damaged gzip stream ends the records with a
 * {@link GzipDamageException} placed at the record it cut.
 */
final class CsvRecords implements Closeable {
    private final BufferedReader in;
    private final int maxChars;
    private long line = 1;
    private long consumedChars;

    record Row(long line, List<String> fields, boolean oversized, String raw) {}

    CsvRecords(InputStream in, int maxChars) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        this.maxChars = maxChars;
    }

    long consumedChars() {
        return consumedChars;
    }

    /** The next record, or null at the end. Blank lines are skipped. */
    Row next() throws IOException {
        while (true) {
            long start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            StringBuilder raw = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            boolean oversized = false;
            long size = 0;
            int c;
            while ((c = read(start, raw)) >= 0) {
                consumedChars++;
                any = true;
                if (++size > maxChars) oversized = true;
                if (raw.length() < 400) raw.append((char) c);
                if (quoted) {
                    if (c == '"') {
                        in.mark(1);
                        int d = read(start, raw);
                        if (d == '"') {
                            consumedChars++;
                            if (!oversized) field.append('"');
                        } else {
                            quoted = false;
                            if (d >= 0) in.reset();
                        }
                    } else {
                        if (c == '\n') line++;
                        if (!oversized) field.append((char) c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(oversized ? "" : field.toString());
                    field.setLength(0);
                } else if (c == '\n') {
                    line++;
                    break;
                } else if (c != '\r') {
                    if (!oversized) field.append((char) c);
                }
            }
            if (!any) return null;
            fields.add(oversized ? "" : field.toString());
            if (!oversized && fields.size() == 1 && fields.get(0).isBlank()) {
                if (c < 0) return null;
                continue;
            }
            return new Row(start, fields, oversized, raw.toString());
        }
    }

    /** The next character; a damaged gzip stream is placed at the record it cut, which began on line {@code start}. */
    private int read(long start, StringBuilder raw) throws IOException {
        try {
            return in.read();
        } catch (GzipDamageException e) {
            throw e.at("line:" + start, GzipDamageException.count(start - 1, "line"), raw.toString());
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
