package dev.tracehound.importers.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.EventSink;
import dev.tracehound.importers.ImportSource;
import java.io.IOException;

/**
 * The record loop shared by every JSONL importer: one record per non-blank line; oversized, malformed,
 * too deeply nested or invalid UTF-8 lines and lines the handler rejects are quarantined with their
 * {@code line:N} locator, and reading goes on with the next line. A damaged gzip stream ends the reading as one
 * more quarantined record, at the line it cut.
 */
public final class JsonlRecords {
    private JsonlRecords() {}

    @FunctionalInterface
    public interface Handler {
        /** Turns one parsed line into events; throws {@link RecordRejected} when it is not a record of the format. */
        void record(JsonNode node, JsonLines.Line line);
    }

    public static void read(ImportSource source, EventSink sink, Handler handler) throws IOException {
        try (JsonLines lines = new JsonLines(source.open())) {
            try {
                readLines(lines, sink, handler);
            } catch (GzipDamageException e) {
                e.quarantineIn(sink, lines.bytesConsumed());
            }
        }
    }

    private static void readLines(JsonLines lines, EventSink sink, Handler handler) throws IOException {
        JsonLines.Line line;
        while (!sink.cancelled() && (line = lines.next()) != null) {
            if (line.blank()) continue;
            sink.recordRead(lines.bytesConsumed());
            if (line.oversized()) {
                sink.quarantine(line.locator(), String.format(
                        "record of %,d bytes is over the %,d-byte limit (byte offset %d); the evidence keeps it whole",
                        line.fullLength(), JsonLines.MAX_RECORD_BYTES, line.offset()), line.excerpt());
                continue;
            }
            JsonNode node;
            try {
                node = Json.parse(line.bytes(), 0, line.length());
            } catch (IOException | RuntimeException e) {
                sink.quarantine(line.locator(), Json.reason(e) + " (byte offset " + line.offset() + ")", line.excerpt());
                continue;
            }
            try {
                handler.record(node, line);
            } catch (RecordRejected e) {
                sink.quarantine(line.locator(), e.getMessage(), line.excerpt());
            }
        }
    }
}
