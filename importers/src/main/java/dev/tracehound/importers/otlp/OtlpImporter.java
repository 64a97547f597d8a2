package dev.tracehound.importers.otlp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tracehound.importers.EventSink;
import dev.tracehound.importers.FileHead;
import dev.tracehound.importers.ImportSource;
import dev.tracehound.importers.Importer;
import dev.tracehound.importers.otlp.genai.AttributeFamilies;
import dev.tracehound.importers.otlp.genai.GenAiInterpreter;
import dev.tracehound.importers.otlp.genai.OtlpSpan;
import dev.tracehound.importers.otlp.genai.SessionKeys;
import dev.tracehound.importers.read.Json;
import dev.tracehound.importers.read.JsonBreak;
import dev.tracehound.importers.otlp.spans.ObservedSpan;
import dev.tracehound.importers.read.RecordStream;
import dev.tracehound.importers.otlp.spans.SpanEventWriter;
import dev.tracehound.importers.read.GzipDamageException;
import dev.tracehound.importers.read.JsonLines;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * OpenTelemetry OTLP/JSON traces: one ExportTraceServiceRequest, a JSON array of them, or JSONL as the
 * collector's file exporter writes (one request per line). Spans are read one at a time; GenAI meaning comes
 * from {@link GenAiInterpreter}, events from {@link SpanEventWriter}.
 */
public final class OtlpImporter implements Importer {
    @Override
    public String format() {
        return "otlp";
    }

    @Override
    public String description() {
        return "OpenTelemetry OTLP/JSON traces (GenAI conventions, OpenLLMetry, OpenInference); document, array or collector JSONL";
    }

    @Override
    public int detect(FileHead head) {
        try {
            String t = head.text();
            boolean envelope = t.contains("\"resourceSpans\"") || t.contains("\"resource_spans\"");
            boolean spans = t.contains("\"scopeSpans\"") || t.contains("\"scope_spans\"") || t.contains("\"instrumentationLibrarySpans\"");
            boolean spanFields = t.contains("\"traceId\"") && t.contains("\"spanId\"")
                    && (t.contains("\"startTimeUnixNano\"") || t.contains("\"start_time_unix_nano\""));
            if (envelope && (spans || spanFields)) return 95;
            if (envelope) return 85;
            if (spanFields) return 60;
            return 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** The pre-pass that maps traces to sessions, made while the file is copied into the case. */
    @Override
    public Optional<PreReader> preReader() {
        return Optional.of(SessionPrepass::scan);
    }

    @Override
    public void read(ImportSource source, EventSink sink) throws IOException {
        TraceSessions sessions;
        if (source.preRead() instanceof TraceSessions found) {
            sessions = found;
        } else {
            try (InputStream in = source.open()) {
                sessions = SessionPrepass.scan(in);
            }
        }
        Run run = new Run(source, sink, sessions);
        try {
            if (RecordStream.isJsonLines(source)) readLines(source, run);
            else readDocument(source, run);
        } finally {
            run.writer.finish(); // what was read before an error is kept
        }
    }

    private static void readDocument(ImportSource source, Run run) throws IOException {
        try (InputStream in = source.open(); JsonParser p = Json.MAPPER.createParser(in)) {
            run.parser = p;
            try {
                run.walker.walk(p, "");
            } catch (JsonProcessingException e) {
                var at = e.getLocation();
                String where = at == null ? "end" : "line:" + at.getLineNr() + ":" + at.getColumnNr();
                if (run.walker.spansSeen() == 0 && run.quarantined == 0) {
                    throw new IOException("not readable as OTLP/JSON at " + where + ": " + e.getOriginalMessage()
                            + " (expected an ExportTraceServiceRequest, an array of them, or one per line)", e);
                }
                // the span it broke in, else (between spans) the rest of the file, is the one record lost
                boolean inSpan = run.openSpan != null;
                JsonBreak broke = JsonBreak.of(source, p, e, inSpan ? run.openSpan : where, inSpan ? run.openSpanFrom : -1);
                run.bad(broke.locator(), broke.reason(), broke.excerpt());
                if (!broke.truncated()) throw broke.stopped();
            } catch (GzipDamageException e) {
                if (run.walker.spansSeen() == 0 && run.quarantined == 0) throw e;
                var at = p.currentLocation();
                int read = run.walker.spansSeen() - (run.openSpan != null ? 1 : 0); // a span it cut was not read
                run.bad(e.at(run.openSpan != null ? run.openSpan : "line:" + at.getLineNr() + ":" + at.getColumnNr(),
                        GzipDamageException.count(read, "span"), ""));
            }
        }
    }

    private static void readLines(ImportSource source, Run run) throws IOException {
        try (JsonLines lines = new JsonLines(source.open())) {
            run.lines = lines;
            try {
                readLines(lines, run);
            } catch (GzipDamageException e) {
                run.bad(e);
            }
        }
    }

    private static void readLines(JsonLines lines, Run run) throws IOException {
        JsonLines.Line line;
        while ((line = lines.next()) != null && !run.sink.cancelled()) {
            run.line = line;
            if (line.oversized()) {
                run.bad(line.locator(), "line longer than " + JsonLines.MAX_RECORD_BYTES + " bytes", line.excerpt());
                continue;
            }
            if (line.blank()) continue;
            try (JsonParser p = Json.MAPPER.createParser(line.bytes(), 0, line.length())) {
                run.walker.walk(p, line.locator());
            } catch (JsonProcessingException e) {
                run.bad(line.locator(), dev.tracehound.importers.read.Json.reason(e), line.excerpt());
            }
        }
    }

    /** The state of one read: sessions found by the pre-pass, the event writer, warnings already given. */
    private static final class Run implements OtlpWalker.Handler {
        final EventSink sink;
        final TraceSessions sessions;
        final SpanEventWriter writer;
        final AttributeFamilies families;
        final OtlpWalker walker = new OtlpWalker(this);
        JsonParser parser;
        JsonLines lines;
        /** The JSONL line being read (its bytes give quarantine excerpts); null for a whole document. */
        JsonLines.Line line;
        long lastNanos;
        int quarantined;
        /** A span counted when it started that nothing has ended yet (its quarantine is not another record), or null. */
        String openSpan;
        long openSpanFrom = -1;

        Run(ImportSource source, EventSink sink, TraceSessions sessions) {
            this.sink = sink;
            this.sessions = sessions;
            this.writer = new SpanEventWriter(source.evidenceSha256(), sink);
            this.families = new AttributeFamilies(sink);
        }

        @Override
        public void spanStarts(String locator, long fromByte) {
            sink.recordRead(bytes());
            openSpan = locator;
            openSpanFrom = fromByte;
        }

        @Override
        public void span(OtlpSpan span) {
            openSpan = null;
            String locator = span.locator();
            families.check(span);
            String session = SessionKeys.of(span);
            if (session == null) session = sessions.get(span.traceId());
            if (session == null) session = span.traceId();
            ObservedSpan o = GenAiInterpreter.interpret(span, session);
            if (o.timeInferred) {
                o.startNanos = o.endNanos = lastNanos + 1_000;
                sink.warn("time-inferred", "span without a start time: its time is inferred from file order", locator);
            }
            lastNanos = Math.max(lastNanos, o.startNanos);
            writer.write(o);
        }

        /** Quarantines a record; one that is not a span already counted (a broken line, a stray value) counts as read. */
        @Override
        public void bad(String locator, String reason, String excerpt) {
            if (openSpan == null) sink.recordRead(bytes());
            openSpan = null;
            quarantined++;
            sink.quarantine(locator, reason, Json.excerpt(excerpt, 300));
        }

        /** A damaged gzip stream: the span or line it cut stands for the rest of the file. */
        void bad(GzipDamageException damage) {
            bad(damage.locator(), damage.reason(), damage.excerpt());
        }

        @Override
        public String source(long fromByte, long toByte) {
            if (line == null || fromByte < 0 || toByte <= fromByte || toByte > line.length()) return "";
            return new String(line.bytes(), (int) fromByte, (int) Math.min(toByte - fromByte, 1_200), StandardCharsets.UTF_8);
        }

        @Override
        public boolean cancelled() {
            return sink.cancelled();
        }

        private long bytes() {
            if (lines != null) return lines.bytesConsumed();
            if (parser != null) return Math.max(0, parser.currentLocation().getByteOffset());
            return 0;
        }
    }
}
