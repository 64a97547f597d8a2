package dev.tracehound.importers.read;

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

/**
 * Hands the top-level records of a JSON export to a handler one at a time, whether the file is one object, an
 * array, or JSONL. A root object's list fields named by the caller ({@code post}, {@code patch}, {@code data})
 * are streamed element by element; any other root object is one record. Bad JSON lines are quarantined and
 * reading goes on; a document broken half-way, or a gzip stream damaged half-way, keeps what was read and
 * quarantines the rest.
 */
public final class RecordStream {
    public interface Handler {
        /**
         * @param listField the root list the record came from, or null for a root object or array element
         */
        void record(JsonNode record, String locator, String listField);
    }

    private final Set<String> listFields;
    private int records;

    public RecordStream(Set<String> listFields) {
        this.listFields = listFields;
    }

    public void read(ImportSource source, EventSink sink, Handler handler) throws IOException {
        if (isJsonLines(source)) readLines(source, sink, handler);
        else readDocument(source, sink, handler);
    }

    private void readDocument(ImportSource source, EventSink sink, Handler handler) throws IOException {
        try (InputStream in = source.open(); JsonParser p = Json.MAPPER.createParser(in)) {
            try {
                walk(p, "", sink, handler, () -> Math.max(0, p.currentLocation().getByteOffset()));
            } catch (JsonProcessingException e) {
                var at = e.getLocation();
                String where = at == null ? "end" : "line:" + at.getLineNr() + ":" + at.getColumnNr();
                if (records == 0) {
                    throw new IOException("not readable as JSON at " + where + ": " + e.getOriginalMessage(), e);
                }
                sink.quarantine(where, "the rest of the file is not valid JSON: " + e.getOriginalMessage(), "");
            } catch (GzipDamageException e) {
                if (records == 0) throw e; // nothing read: as for a document cut short, the file did not import
                var at = p.currentLocation();
                e.at("line:" + at.getLineNr() + ":" + at.getColumnNr(), GzipDamageException.count(records, "record"), "")
                        .quarantineIn(sink, Math.max(0, at.getByteOffset()));
            }
        }
    }

    private void readLines(ImportSource source, EventSink sink, Handler handler) throws IOException {
        try (JsonLines lines = new JsonLines(source.open())) {
            try {
                readLines(lines, sink, handler);
            } catch (GzipDamageException e) {
                e.quarantineIn(sink, lines.bytesConsumed());
            }
        }
    }

    private void readLines(JsonLines lines, EventSink sink, Handler handler) throws IOException {
        JsonLines.Line line;
        while ((line = lines.next()) != null && !sink.cancelled()) {
            if (line.oversized()) {
                sink.quarantine(line.locator(), "line longer than " + JsonLines.MAX_RECORD_BYTES + " bytes", line.excerpt());
                continue;
            }
            if (line.blank()) continue;
            try (JsonParser p = Json.MAPPER.createParser(line.bytes(), 0, line.length())) {
                walk(p, line.locator(), sink, handler, lines::bytesConsumed);
            } catch (JsonProcessingException e) {
                sink.quarantine(line.locator(), dev.tracehound.importers.read.Json.reason(e), line.excerpt());
            }
        }
    }

    private interface Progress {
        long bytes();
    }

    private void walk(JsonParser p, String prefix, EventSink sink, Handler handler, Progress progress) throws IOException {
        JsonToken t;
        int root = 0;
        while ((t = p.nextToken()) != null && !sink.cancelled()) {
            String at = root == 0 ? prefix : prefix + "@" + p.currentTokenLocation().getLineNr();
            if (t == JsonToken.START_ARRAY) {
                int i = 0;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null && !sink.cancelled()) {
                    JsonNode element = p.readValueAsTree();
                    emit(handler, sink, progress, element, at + "/" + i++, null);
                }
            } else if (t == JsonToken.START_OBJECT) {
                rootObject(p, at, sink, handler, progress);
            } else {
                sink.quarantine(at.isEmpty() ? "/" : at, "not a JSON object or array", p.getText());
            }
            root++;
        }
    }

    private void rootObject(JsonParser p, String at, EventSink sink, Handler handler, Progress progress) throws IOException {
        ObjectNode rest = Json.object();
        boolean streamed = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (listFields.contains(name) && v == JsonToken.START_ARRAY) {
                streamed = true;
                int i = 0;
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null && !sink.cancelled()) {
                    JsonNode element = p.readValueAsTree();
                    emit(handler, sink, progress, element, at + "/" + name + "/" + i++, name);
                }
            } else {
                rest.set(name, p.readValueAsTree());
            }
        }
        if (!streamed) emit(handler, sink, progress, rest, at, null);
    }

    private void emit(Handler handler, EventSink sink, Progress progress, JsonNode record, String locator, String listField) {
        records++;
        sink.recordRead(progress.bytes());
        handler.record(record, locator.isEmpty() ? "/" : locator, listField);
    }

    /**
     * JSONL when the first non-blank line is a whole JSON value by itself and more lines follow; a pretty-printed
     * document's first line is not, and a one-line file reads the same either way (as a document, so its
     * locators are JSON pointers).
     */
    public static boolean isJsonLines(ImportSource source) throws IOException {
        try (JsonLines lines = new JsonLines(source.open(), 8 * 1024 * 1024)) {
            JsonLines.Line line;
            while ((line = lines.next()) != null) {
                if (line.blank()) continue;
                if (line.oversized()) return true;
                try (JsonParser p = Json.MAPPER.createParser(line.bytes(), 0, line.length())) {
                    JsonToken first = p.nextToken();
                    if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) return false;
                    p.skipChildren();
                    if (p.nextToken() != null) return false;
                } catch (JsonProcessingException e) {
                    return false;
                }
                try {
                    return lines.next() != null;
                } catch (GzipDamageException e) {
                    return true; // more was compressed after the first line: the reading quarantines the damage
                }
            }
            return false;
        } catch (GzipDamageException e) {
            return false; // the first line is cut: read as a document, whose reading reports the damage
        }
    }
}
