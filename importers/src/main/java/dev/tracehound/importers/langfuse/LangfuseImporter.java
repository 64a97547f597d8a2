package dev.tracehound.importers.langfuse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.EventSink;
import dev.tracehound.importers.FileHead;
import dev.tracehound.importers.ImportSource;
import dev.tracehound.importers.Importer;
import dev.tracehound.importers.otlp.genai.OtelAttributes;
import dev.tracehound.importers.otlp.spans.Ids;
import dev.tracehound.importers.read.Json;
import dev.tracehound.importers.otlp.spans.ObservedSpan;
import dev.tracehound.importers.read.RecordRejected;
import dev.tracehound.importers.read.RecordStream;
import dev.tracehound.importers.otlp.spans.SpanEventWriter;
import dev.tracehound.importers.otlp.spans.Times;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventFlag;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Langfuse trace exports: {@code {trace, observations[]}} as the UI and the public API give them, trace objects
 * with nested observations, lists and JSONL of either, {@code {data:[…]}} pages, and bare observations. One
 * trace is read at a time (Langfuse itself refuses to serve a trace over its 80 MB API limit); lists are
 * streamed trace by trace. Observation and trace ids of OTel-ingested data are the OTel span and trace ids,
 * so the span dedup keys match an OTLP import of the same trace.
 */
public final class LangfuseImporter implements Importer {
    /** Fields of Langfuse's trace objects (UI download, public API) that chat runs and other formats do not have. */
    private static final List<String> TRACE_FIELDS = List.of("projectId", "sessionId", "userId", "htmlPath", "bookmarked", "latency", "totalCost");

    @Override
    public String format() {
        return "langfuse";
    }

    @Override
    public String description() {
        return "Langfuse trace exports ({trace, observations}, trace objects, lists or JSONL of them)";
    }

    @Override
    public int detect(FileHead head) {
        try {
            String t = head.text();
            if (t.contains("\"resourceSpans\"")) return 0;
            boolean observations = t.contains("\"observations\"");
            boolean langfuseFields = t.contains("\"parentObservationId\"") || t.contains("\"usageDetails\"")
                    || t.contains("\"completionStartTime\"") || t.contains("\"promptVersion\"");
            boolean observationType = t.contains("\"GENERATION\"") || t.contains("\"SPAN\"") || t.contains("\"EVENT\"");
            if (t.contains("\"trace\"") && observations && langfuseFields) return 95;
            if (langfuseFields && observationType) return 85;
            if (observations && observationType) return 70;
            if (langfuseFields) return 50;
            // A trace whose huge input fills the head before any observation shows: trace-level fields.
            if (t.contains("\"projectId\"") && (t.contains("\"bookmarked\"") || t.contains("\"sessionId\""))) return 60;
            return 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    @Override
    public void read(ImportSource source, EventSink sink) throws IOException {
        new Reading(source.evidenceSha256(), sink).run(source);
    }

    /**
     * One read. A record, for the report's counts, is each trace and each observation: a trace counts once (its
     * scores and session are part of it) and each of its observations once more, so an observation that is not an
     * object or has no id is one quarantined record and records = converted + quarantined still holds. A trace with
     * no observations (an empty list, or observations listed by id only) is a valid record that gives no events.
     */
    private static final class Reading {
        private final String evidence;
        private final EventSink sink;
        private final SpanEventWriter writer;
        private final RecordStream records = new RecordStream(Set.of("data", "traces"));

        Reading(String evidence, EventSink sink) {
            this.evidence = evidence;
            this.sink = sink;
            this.writer = new SpanEventWriter(evidence, sink);
        }

        void run(ImportSource source) throws IOException {
            try {
                records.read(source, sink, (record, locator, list) -> record(record, locator));
            } finally {
                writer.finish(); // what was read before a break in the file is kept
            }
        }

        private void record(JsonNode record, String locator) {
            if (!record.isObject()) throw new RecordRejected("not a Langfuse trace or observation object");
            String root = locator.equals("/") ? "" : locator;
            JsonNode wrapped = record.get("trace");
            if (wrapped != null && wrapped.isObject()) {
                trace(wrapped, root + "/trace", record.get("observations"), root + "/observations");
            } else if (isObservation(record)) {
                String traceId = Json.firstText(record, "traceId");
                String session = Json.firstText(record, "sessionId");
                writer.write(LangfuseObservations.read(record, traceId, session != null ? session : Ids.normalise(traceId), locator));
            } else if (isTrace(record)) {
                trace(record, root, null, null);
            } else {
                throw new RecordRejected("not a Langfuse trace or observation: expected {trace, observations}, a trace (observations, "
                        + "or an id with Langfuse trace fields such as " + String.join(", ", TRACE_FIELDS.subList(0, 3))
                        + ") or an observation (id, traceId, type, startTime)");
            }
        }

        /** A trace and its observations: the list beside it ({trace, observations}) wins over one nested in it. */
        private void trace(JsonNode trace, String traceAt, JsonNode beside, String besideAt) {
            JsonNode nested = trace.get("observations");
            JsonNode observations = isObservationList(beside) ? beside : isObservationList(nested) ? nested : null;
            String observationsAt = observations == beside ? besideAt : traceAt + "/observations";
            String traceId = Ids.normalise(Json.firstText(trace, "id"));
            if (traceId == null && observations == null) throw new RecordRejected("Langfuse trace without an id or observations");
            if (observations == null) noteObservationIds(nested != null ? nested : beside, traceId, traceAt + "/observations");
            String session = session(trace, observations, traceId);
            Long traceTime = Times.anyTime(trace.get("timestamp"));
            if (observations != null) {
                int i = 0;
                for (JsonNode o : observations) {
                    String at = observationsAt + "/" + i++;
                    records.nestedRecord();
                    if (!o.isObject()) {
                        sink.quarantine(at, "observation is not a JSON object", Json.excerpt(o.toString(), 300));
                    } else if (Json.firstText(o, "id") == null) {
                        sink.quarantine(at, "observation has no id", Json.excerpt(o.toString(), 300));
                    } else {
                        observation(o, traceId, session, at, traceTime, i);
                    }
                }
            }
            writeScores(trace, traceId, session, traceAt);
        }

        private void observation(JsonNode o, String traceId, String session, String at, Long traceTime, int order) {
            ObservedSpan s = LangfuseObservations.read(o, traceId, session, at);
            if (s.timeInferred) {
                // docs/event-model.md: inferred times are a base (the trace's timestamp) plus file order in µs.
                s.startNanos = s.endNanos = (traceTime == null ? 0 : traceTime) + order * 1_000L;
                sink.warn("time-inferred", "observation without a start time: its time is inferred from the trace's and file order", at);
            }
            writer.write(s);
        }

        /** Scores (user feedback, evaluations) become notes on the trace, so a toxicity verdict is next to the evidence. */
        private void writeScores(JsonNode trace, String traceId, String session, String traceAt) {
            JsonNode scores = trace.get("scores");
            if (scores == null || !scores.isArray()) return;
            int i = 0;
            for (JsonNode score : scores) {
                if (!score.isObject()) continue;
                String name = Json.firstText(score, "name");
                String value = Json.firstText(score, "stringValue", "value");
                String comment = Json.firstText(score, "comment");
                Long at = Times.anyTime(score.get("timestamp"));
                sink.accept(Event.builder(evidence, traceAt + "/scores/" + i++)
                        .dedupKey(score.has("id") ? "langfuse-score:" + Json.firstText(score, "id") : null)
                        .traceId(traceId).sessionId(session).sequence(writer.nextSequence(session)).spanId(Ids.normalise(Json.firstText(score, "observationId")))
                        .startNanos(at == null ? 0 : at).kind(EventKind.NOTE).name("score " + name)
                        .actor(Json.firstText(score, "source")).trust(Trust.UNKNOWN).flag(EventFlag.RECORDED_LATER)
                        .text("score " + name + " = " + value + (comment == null ? "" : ": " + comment))
                        .payloadJson(score.toString()).build());
            }
        }

        /** The public API's trace lists name observations by id only: nothing to import, but say so. */
        private void noteObservationIds(JsonNode ids, String traceId, String at) {
            if (ids == null || !ids.isArray() || ids.isEmpty()) return;
            sink.warn("observations-not-included", "trace " + traceId + " lists " + ids.size() + " observations by id only; "
                    + "export the trace with its observations to import them", at);
        }
    }

    /** Session: the trace's sessionId, else a conversation named in trace or observation metadata, else the trace. */
    private static String session(JsonNode trace, JsonNode observations, String traceId) {
        String s = Json.firstText(trace, "sessionId");
        if (s != null) return s;
        s = sessionFromMetadata(trace);
        if (s != null) return s;
        if (observations != null) {
            for (JsonNode o : observations) {
                s = sessionFromMetadata(o);
                if (s != null) return s;
            }
        }
        return traceId;
    }

    private static String sessionFromMetadata(JsonNode node) {
        if (node == null || !node.isObject()) return null;
        Map<String, JsonNode> attrs = LangfuseObservations.attributes(node);
        String s = OtelAttributes.session(attrs);
        if (s != null) return s;
        return OtelAttributes.first(attrs, "metadata.session_id", "metadata.conversation_id", "metadata.thread_id");
    }

    private static boolean isObservation(JsonNode n) {
        return n.has("type") && n.has("traceId") && (n.has("startTime") || n.has("parentObservationId"));
    }

    /**
     * A trace object: observations, or an id with a field only Langfuse traces have. An id alone is not enough: chat
     * runs and JSON-RPC messages have ids too, and read with {@code --format langfuse} they must be quarantined, not
     * taken for traces without observations.
     */
    private static boolean isTrace(JsonNode n) {
        return n.path("observations").isArray() || n.hasNonNull("id") && TRACE_FIELDS.stream().anyMatch(n::has);
    }

    /** Observations to read: any list but one of ids only, which is how the public API's trace lists name them. */
    private static boolean isObservationList(JsonNode n) {
        if (n == null || !n.isArray()) return false;
        for (JsonNode o : n) if (!o.isTextual()) return true;
        return n.isEmpty();
    }
}
