package dev.tracehound.importers.generic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.importers.EventSink;
import dev.tracehound.importers.FileHead;
import dev.tracehound.importers.ImportSource;
import dev.tracehound.importers.Importer;
import dev.tracehound.importers.read.DefaultTrust;
import dev.tracehound.importers.read.GzipDamageException;
import dev.tracehound.importers.read.HeadSniffer;
import dev.tracehound.importers.read.InferredTimes;
import dev.tracehound.importers.read.Json;
import dev.tracehound.importers.read.JsonLines;
import dev.tracehound.importers.read.JsonlRecords;
import dev.tracehound.importers.read.RecordRejected;
import dev.tracehound.importers.read.SessionSequences;
import dev.tracehound.importers.read.Times;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventFlag;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JSONL or CSV in Timesketch's minimal schema: {@code message} (the text), {@code datetime} (ISO-8601) or
 * {@code timestamp} (epoch, unit by magnitude), {@code timestamp_desc}; every other field is kept in the
 * payload. Optional fields {@code kind}, {@code actor}, {@code session_id}, {@code tool_name}, {@code model},
 * {@code trust}, {@code input_tokens}, {@code output_tokens} fill the event's fields. The option
 * {@code mapping=<file>} names other source fields (see {@link FieldMapping}).
 */
public final class GenericImporter implements Importer {
    private final FieldMapping mapping;

    public GenericImporter() {
        this(FieldMapping.TIMESKETCH);
    }

    private GenericImporter(FieldMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public String format() {
        return "generic";
    }

    @Override
    public String description() {
        return "JSONL or CSV in the Timesketch minimal schema (message, datetime, timestamp_desc); --mapping FILE for other field names";
    }

    @Override
    public Importer configure(Map<String, String> options) {
        if (options == null || options.isEmpty()) return this;
        for (String key : options.keySet()) {
            if (!key.equals("mapping")) throw new IllegalArgumentException("format generic knows the option 'mapping', not '" + key + "'");
        }
        return new GenericImporter(FieldMapping.load(Path.of(options.get("mapping"))));
    }

    @Override
    public int detect(FileHead head) {
        var lines = HeadSniffer.jsonLines(head, 20);
        if (!lines.isEmpty()) {
            int share = HeadSniffer.percent(lines, n -> n.isObject() && n.path("message").isTextual() && (n.has("datetime") || n.has("timestamp")));
            return share >= 50 ? 60 : 0;
        }
        String text = HeadSniffer.text(head);
        int nl = text.indexOf('\n');
        String header = (nl < 0 ? text : text.substring(0, nl)).toLowerCase(Locale.ROOT);
        List<String> columns = List.of(header.replace("\"", "").strip().split(","));
        if (columns.contains("message") && (columns.contains("datetime") || columns.contains("timestamp"))) return 60;
        return 0;
    }

    @Override
    public void read(ImportSource source, EventSink sink) throws IOException {
        Reading reading = new Reading(source, sink);
        if (startsLikeJson(source)) {
            JsonlRecords.read(source, sink, (node, line) -> reading.record(node, line.locator()));
        } else {
            readCsv(source, sink, reading);
        }
    }

    private static boolean startsLikeJson(ImportSource source) throws IOException {
        try (InputStream in = source.open()) {
            int b;
            do {
                b = in.read();
            } while (b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == 0xEF || b == 0xBB || b == 0xBF);
            return b == '{';
        }
    }

    private void readCsv(ImportSource source, EventSink sink, Reading reading) throws IOException {
        try (CsvRecords csv = new CsvRecords(source.open(), JsonLines.MAX_RECORD_BYTES)) {
            try {
                readRows(csv, sink, reading);
            } catch (GzipDamageException e) {
                e.quarantineIn(sink, csv.consumedChars());
            }
        }
    }

    private void readRows(CsvRecords csv, EventSink sink, Reading reading) throws IOException {
        CsvRecords.Row header = csv.next();
        if (header == null) return;
        List<String> columns = header.fields().stream().map(s -> s.replace("\uFEFF", "").strip()).toList();
        CsvRecords.Row row;
        while (!sink.cancelled() && (row = csv.next()) != null) {
            sink.recordRead(csv.consumedChars());
            String locator = "line:" + row.line();
            if (row.oversized()) {
                sink.quarantine(locator, "CSV record over the " + JsonLines.MAX_RECORD_BYTES + "-character limit", row.raw());
                continue;
            }
            if (row.fields().size() != columns.size()) {
                sink.warn("CSV_COLUMN_COUNT", "a row has " + row.fields().size() + " fields where the header has " + columns.size()
                        + "; extra fields are kept as column_N", locator);
            }
            ObjectNode record = Json.object();
            for (int i = 0; i < row.fields().size(); i++) {
                record.put(i < columns.size() ? columns.get(i) : "column_" + (i + 1), row.fields().get(i));
            }
            try {
                reading.record(record, locator);
            } catch (RecordRejected e) {
                sink.quarantine(locator, e.getMessage(), row.raw());
            }
        }
    }

    private final class Reading {
        private final ImportSource source;
        private final EventSink sink;
        private final InferredTimes inferred = new InferredTimes();
        private final SessionSequences sequences = new SessionSequences();

        Reading(ImportSource source, EventSink sink) {
            this.source = source;
            this.sink = sink;
        }

        void record(JsonNode record, String locator) {
            if (!record.isObject()) throw new RecordRejected("not a record: expected a JSON object");
            String text = field(record, mapping.text());
            if (text == null) {
                throw new RecordRejected("no \"" + mapping.text() + "\" field (the event text); name the text field with --mapping");
            }
            JsonNode textNode = node(record, mapping.text());
            if (textNode.isContainerNode()) {
                // a Claude Code line or a wrapped MCP message has a "message" object: another format's record, not text
                throw new RecordRejected("\"" + mapping.text() + "\" holds a JSON " + (textNode.isObject() ? "object" : "array")
                        + ", not the event text; name the text field with --mapping (dotted paths reach inside)");
            }
            String session = field(record, mapping.session());
            if (session == null) session = source.evidenceSha256().substring(0, 16);
            Event.Builder b = Event.builder(source.evidenceSha256(), locator).sessionId(session)
                    .sequence(sequences.next(session)).text(text).payloadJson(Json.write(record));
            Long time = time(record);
            if (time == null) b.startNanos(inferred.next(sink, locator)).flag(EventFlag.TIME_INFERRED);
            else b.startNanos(time);
            String kindText = field(record, mapping.kind());
            EventKind kind = EventKind.parse(kindText);
            if (kindText != null && kind == EventKind.NOTE && !kindText.equalsIgnoreCase("NOTE")) {
                sink.warn("UNKNOWN_KIND", "kind '" + kindText + "' is not an event kind; imported as NOTE", locator);
            }
            String trust = field(record, "trust");
            b.kind(kind).trust(trust != null ? Trust.parse(trust) : DefaultTrust.of(kind))
                    .actor(field(record, mapping.actor())).toolName(field(record, mapping.tool())).model(field(record, mapping.model()))
                    .name(field(record, mapping.name())).inputTokens(Json.asLong(node(record, "input_tokens")))
                    .outputTokens(Json.asLong(node(record, "output_tokens")));
            sink.accept(b.build());
        }

        private Long time(JsonNode record) {
            if (mapping.time() != null) {
                String raw = field(record, mapping.time());
                Long t = Times.nanos(node(record, mapping.time()));
                if (t == null && raw != null) throw new RecordRejected("time field \"" + mapping.time() + "\" is not a time: " + Json.shorten(raw, 60));
                return t;
            }
            Long t = Times.nanos(node(record, "datetime"));
            if (t == null) t = Times.nanos(node(record, "timestamp"));
            if (t == null && (field(record, "datetime") != null || field(record, "timestamp") != null)) {
                throw new RecordRejected("neither \"datetime\" nor \"timestamp\" holds a readable time");
            }
            return t;
        }
    }

    /** A field by name or dotted path; null when absent or empty. */
    static JsonNode node(JsonNode record, String path) {
        if (path == null) return null;
        JsonNode direct = record.get(path);
        if (direct != null) return direct;
        JsonNode n = record;
        for (String part : path.split("\\.")) {
            n = n.path(part);
        }
        return n.isMissingNode() ? null : n;
    }

    static String field(JsonNode record, String path) {
        String v = Json.asText(node(record, path));
        return v == null || v.isEmpty() ? null : v;
    }
}
