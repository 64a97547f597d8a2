package dev.tracehound.importers.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.importers.EventSink;
import dev.tracehound.importers.ImportSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Hands the top-level records of a JSON export to a handler one at a time, whether the file is one object, an
 * array, or JSONL. A root object's list fields named by the caller ({@code post}, {@code patch}, {@code data})
 * are streamed element by element; any other root object is one record.
 *
 * <p>Every record is counted once, quarantined or not, so the report adds up (records = converted + quarantined):
 * each element of a root array or root list field, each root object that is not such a list, each non-JSON or
 * oversized JSONL line, each stray scalar, and each record nested in one of these that the handler counts with
 * {@link #nestedRecord()} (a trace's observations, a run's child runs). A bad JSONL line is quarantined and reading
 * goes on with the next line; a document whose JSON breaks is handled by {@link JsonBreak}; a gzip stream damaged
 * half-way keeps what was read and quarantines the damage as one record ({@link GzipDamageException}).
 */
public final class RecordStream {
    public interface Handler {
        /**
         * Throws {@link RecordRejected} when the record is JSON but not a record of the format; it is quarantined.
         *
         * @param listField the root list the record came from, or null for a root object or array element
         */
        void record(JsonNode record, String locator, String listField);
    }

    private final Set<String> listFields;
    private EventSink sink;
    private LongSupplier bytes = () -> 0;
    /** The record being read, for the quarantine entry when its JSON breaks: its locator and first byte. */
    private String reading;
    private long readingFrom = -1;
    /** A root value was begun: a break after that is inside a record, before it the file is not JSON at all. */
    private boolean started;
    /** Records counted so far, for the damage's "N records read before it". */
    private long counted;

    public RecordStream(Set<String> listFields) {
        this.listFields = listFields;
    }

    public void read(ImportSource source, EventSink sink, Handler handler) throws IOException {
        this.sink = sink;
        if (isJsonLines(source)) readLines(source, handler);
        else readDocument(source, handler);
    }

    /** Counts one record nested in the record being handled, for example an observation of a trace. */
    public void nestedRecord() {
        count();
    }

    private void count() {
        counted++;
        sink.recordRead(bytes.getAsLong());
    }

    private void readDocument(ImportSource source, Handler handler) throws IOException {
        try (InputStream in = source.open(); JsonParser p = Json.MAPPER.createParser(in)) {
            bytes = () -> Math.max(0, p.currentLocation().getByteOffset());
            try {
                walk(p, "", handler);
            } catch (JsonProcessingException e) {
                if (!started) {
                    var at = e.getLocation();
                    String where = at == null ? "the start" : "line:" + at.getLineNr() + ":" + at.getColumnNr();
                    throw new IOException("not readable as JSON at " + where + ": " + e.getOriginalMessage(), e);
                }
                JsonBreak.of(source, p, e, reading, readingFrom).quarantineAndStopUnlessTruncated(sink);
            } catch (GzipDamageException e) {
                if (!started) throw e; // nothing read: as for a document cut short, the file did not import
                e.at(reading, GzipDamageException.count(counted, "record"), "").quarantineIn(sink, bytes.getAsLong());
            }
        }
    }

    private void readLines(ImportSource source, Handler handler) throws IOException {
        try (JsonLines lines = new JsonLines(source.open())) {
            bytes = lines::bytesConsumed;
            try {
                readLines(lines, handler);
            } catch (GzipDamageException e) {
                e.quarantineIn(sink, lines.bytesConsumed()); // the lines placed it at the line it cut
            }
        }
    }

    private void readLines(JsonLines lines, Handler handler) throws IOException {
        JsonLines.Line line;
        while ((line = lines.next()) != null && !sink.cancelled()) {
            if (line.blank()) continue;
            if (line.oversized()) {
                count();
                sink.quarantine(line.locator(), "line longer than " + JsonLines.MAX_RECORD_BYTES + " bytes", line.excerpt());
                continue;
            }
            try (JsonParser p = Json.MAPPER.createParser(line.bytes(), 0, line.length())) {
                walk(p, line.locator(), handler);
            } catch (JsonProcessingException e) {
                // the next line is a fresh start: only the record this line broke in is lost
                count();
                sink.quarantine(reading, Json.reason(e) + " (byte offset " + line.offset() + ")", line.excerpt());
            }
        }
    }

    private void walk(JsonParser p, String prefix, Handler handler) throws IOException {
        int root = 0;
        while (!sink.cancelled()) {
            reading(rootAt(prefix, root, p.currentLocation()), p.currentLocation().getByteOffset()); // should its first token break
            JsonToken t = p.nextToken();
            if (t == null) return;
            started = true;
            String at = rootAt(prefix, root, p.currentTokenLocation());
            reading(at, p.currentTokenLocation().getByteOffset());
            if (t == JsonToken.START_ARRAY) {
                elements(p, at + "/", null, handler);
            } else if (t == JsonToken.START_OBJECT) {
                rootObject(p, at, handler);
            } else {
                count();
                sink.quarantine(reading, "not a JSON object or array", p.getText());
            }
            root++;
        }
    }

    private void rootObject(JsonParser p, String at, Handler handler) throws IOException {
        ObjectNode rest = Json.object();
        boolean streamed = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (listFields.contains(name) && v == JsonToken.START_ARRAY) {
                streamed = true;
                elements(p, at + "/" + name + "/", name, handler);
                reading(at, -1); // a break in the fields after the list is in the root object
            } else {
                rest.set(name, p.readValueAsTree());
            }
        }
        if (!streamed) emit(handler, rest, at, null);
    }

    /** The elements of the array the parser has just entered, each one record. */
    private void elements(JsonParser p, String prefix, String listField, Handler handler) throws IOException {
        for (int i = 0; !sink.cancelled(); i++) {
            String locator = prefix + i;
            reading(locator, p.currentLocation().getByteOffset()); // the next element, should its first token break
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_ARRAY || t == null) return;
            readingFrom = p.currentTokenLocation().getByteOffset();
            emit(handler, p.readValueAsTree(), locator, listField);
        }
    }

    /** The second and later root values of a line or document are told apart by the line they start on. */
    private static String rootAt(String prefix, int root, JsonLocation where) {
        return root == 0 ? prefix : prefix + "@" + where.getLineNr();
    }

    private void reading(String locator, long from) {
        reading = locator.isEmpty() ? "/" : locator;
        readingFrom = from;
    }

    private void emit(Handler handler, JsonNode record, String locator, String listField) {
        String at = locator.isEmpty() ? "/" : locator;
        count();
        try {
            handler.record(record, at, listField);
        } catch (RecordRejected e) {
            sink.quarantine(at, e.getMessage(), Json.excerpt(record.toString(), 300));
        }
    }

    /**
     * JSONL when the first non-blank line is one JSON object or array by itself and more lines follow, however long
     * that line is ({@link JsonLayout}); a pretty-printed document's first line is not, and a one-line file reads the
     * same either way (as a document, so its locators are JSON pointers).
     */
    public static boolean isJsonLines(ImportSource source) throws IOException {
        return JsonLayout.of(source) == JsonLayout.Layout.LINES;
    }
}
