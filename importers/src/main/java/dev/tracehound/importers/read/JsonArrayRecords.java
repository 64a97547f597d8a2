package dev.tracehound.importers.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.EventSink;
import dev.tracehound.importers.ImportSource;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams a JSON document element by element: a top-level array hands each element (pointer {@code /i}),
 * a top-level object hands itself (pointer {@code ""}). Memory holds one element at a time. A syntax
 * error leaves the parser lost: the element it hit is quarantined and reading stops there ({@link JsonBreak}). A
 * gzip stream damaged inside an element makes that element and the rest of the file one quarantined record.
 */
public final class JsonArrayRecords {
    private JsonArrayRecords() {}

    @FunctionalInterface
    public interface Handler {
        void record(JsonNode node, String pointer);
    }

    public static void read(ImportSource source, EventSink sink, Handler handler) throws IOException {
        try (InputStream in = source.open(); JsonParser parser = Json.FACTORY.createParser(in)) {
            parser.setCodec(Json.MAPPER);
            JsonToken first;
            try {
                first = parser.nextToken();
            } catch (GzipDamageException e) {
                damaged(e, "/", 0, sink, parser);
                return;
            } catch (IOException e) {
                sink.recordRead(0);
                sink.quarantine("/", Json.reason(e), "");
                return;
            }
            if (first == null) return;
            if (first != JsonToken.START_ARRAY) {
                JsonNode node;
                try {
                    node = parser.readValueAsTree();
                } catch (GzipDamageException e) {
                    damaged(e, "/", 0, sink, parser);
                    return;
                } catch (JsonProcessingException e) {
                    JsonBreak.of(source, parser, e, "/", 0).quarantineAndStopUnlessTruncated(sink);
                    return;
                }
                handle(node, "", sink, handler, parser);
                trailing(parser, sink, 1);
                return;
            }
            long index = 0;
            while (!sink.cancelled()) {
                String pointer = "/" + index;
                long from = parser.currentLocation().getByteOffset();
                JsonToken t;
                JsonNode node;
                try {
                    t = parser.nextToken();
                    if (t == JsonToken.END_ARRAY) {
                        trailing(parser, sink, index);
                        return;
                    }
                    if (t == null) {
                        sink.recordRead(parser.currentLocation().getByteOffset());
                        sink.quarantine(pointer, "the JSON array is cut short (truncated file): no closing ]", "");
                        return;
                    }
                    from = parser.currentTokenLocation().getByteOffset();
                    node = parser.readValueAsTree();
                } catch (GzipDamageException e) {
                    damaged(e, pointer, index, sink, parser);
                    return;
                } catch (JsonProcessingException e) {
                    JsonBreak.of(source, parser, e, pointer, from).quarantineAndStopUnlessTruncated(sink);
                    return;
                }
                handle(node, pointer, sink, handler, parser);
                index++;
            }
        }
    }

    /**
     * Streams the elements of the array under {@code field} of a top-level object (for example a web
     * export's {@code {"loglines": [...]}}), pointers {@code /field/i}; other fields are skipped unread.
     */
    public static void readField(ImportSource source, EventSink sink, String field, Handler handler) throws IOException {
        try (InputStream in = source.open(); JsonParser parser = Json.FACTORY.createParser(in)) {
            parser.setCodec(Json.MAPPER);
            long index = 0;
            String pointer = "/";
            long from = 0;
            try {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    sink.recordRead(0);
                    sink.quarantine("/", "expected a JSON object holding \"" + field + "\"", "");
                    return;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (!field.equals(name) || value != JsonToken.START_ARRAY) {
                        parser.skipChildren();
                        continue;
                    }
                    while (!sink.cancelled()) {
                        pointer = "/" + field + "/" + index;
                        from = parser.currentLocation().getByteOffset();
                        JsonToken t = parser.nextToken();
                        if (t == JsonToken.END_ARRAY) break;
                        if (t == null) throw new JsonEOFException(parser, null, "the file ends inside the \"" + field + "\" array (truncated)");
                        from = parser.currentTokenLocation().getByteOffset();
                        JsonNode node = parser.readValueAsTree();
                        handle(node, pointer, sink, handler, parser);
                        index++;
                    }
                }
                if (!sink.cancelled()) trailing(parser, sink, index); // also where a gzip stream cut in its trailer shows
            } catch (GzipDamageException e) {
                damaged(e, pointer, index, sink, parser);
            } catch (JsonProcessingException e) {
                JsonBreak.of(source, parser, e, pointer, from).quarantineAndStopUnlessTruncated(sink);
            }
        }
    }

    /** Content after the top-level value is not silently ignored: it is reported as one quarantined record. */
    private static void trailing(JsonParser parser, EventSink sink, long recordsRead) {
        long offset = parser.currentLocation().getByteOffset();
        String why;
        try {
            if (parser.nextToken() == null) return;
            why = "unexpected data after the top-level JSON value (at byte " + offset + "); the rest of the file was not read. "
                    + "If each line is a record, the file is JSONL: check --format";
        } catch (GzipDamageException e) {
            damaged(e, "byte:" + offset, recordsRead, sink, parser);
            return;
        } catch (IOException e) {
            why = "unreadable data after the top-level JSON value (at byte " + offset + "): " + Json.reason(e);
        }
        sink.recordRead(offset);
        sink.quarantine("byte:" + offset, why, "");
    }

    /** A damaged gzip stream: the element it cut and the rest of the file are one quarantined record. */
    private static void damaged(GzipDamageException e, String pointer, long recordsRead, EventSink sink, JsonParser parser) {
        e.at(pointer, GzipDamageException.count(recordsRead, "record"), "").quarantineIn(sink, parser.currentLocation().getByteOffset());
    }

    private static void handle(JsonNode node, String pointer, EventSink sink, Handler handler, JsonParser parser) {
        sink.recordRead(parser.currentLocation().getByteOffset());
        try {
            handler.record(node, pointer);
        } catch (RecordRejected e) {
            sink.quarantine(pointer.isEmpty() ? "/" : pointer, e.getMessage(), JsonLines.Excerpts.of(Json.write(node)));
        }
    }
}
