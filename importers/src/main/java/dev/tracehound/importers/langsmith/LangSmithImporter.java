package dev.tracehound.importers.langsmith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.importers.EventSink;
import dev.tracehound.importers.FileHead;
import dev.tracehound.importers.ImportSource;
import dev.tracehound.importers.Importer;
import dev.tracehound.importers.read.Json;
import dev.tracehound.importers.otlp.spans.ObservedSpan;
import dev.tracehound.importers.read.RecordRejected;
import dev.tracehound.importers.read.RecordStream;
import dev.tracehound.importers.otlp.spans.SpanEventWriter;
import java.io.IOException;
import java.util.Set;

/**
 * LangSmith runs: REST run exports (one run, a list, {@code {runs:[…]}}, JSONL) and SDK ingest batches
 * {@code {post:[…], patch:[…]}} merged by run id. Runs are emitted once complete, so memory holds only the
 * runs still open.
 */
public final class LangSmithImporter implements Importer {

    @Override
    public String format() {
        return "langsmith";
    }

    @Override
    public String description() {
        return "LangSmith runs (REST exports, JSONL, SDK post/patch ingest batches)";
    }

    @Override
    public int detect(FileHead head) {
        try {
            String t = head.text();
            boolean runType = t.contains("\"run_type\"");
            boolean dotted = t.contains("\"dotted_order\"");
            boolean batch = t.contains("\"post\"") || t.contains("\"patch\"");
            boolean runFields = t.contains("\"parent_run_id\"") || t.contains("\"trace_id\"") || t.contains("\"child_runs\"")
                    || t.contains("\"session_name\"");
            if (runType && dotted) return 95;
            if (runType && (batch || runFields)) return 90;
            if (dotted) return 80;
            if (runType) return 50;
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
     * One read. A record, for the report's counts, is each run as the file holds it: an element of {@code post},
     * {@code patch}, {@code runs} or {@code data}, an element of a top-level list, a run object on its own (a JSONL
     * line or the whole file), and each run nested in {@code child_runs}. A post and the patch that completes it are
     * two records that give one run's events.
     */
    private static final class Reading {
        private final EventSink sink;
        private final SpanEventWriter writer;
        private final RunAssembler runs;
        private final RecordStream records = new RecordStream(Set.of("post", "patch", "runs", "data"));

        Reading(String evidence, EventSink sink) {
            this.sink = sink;
            this.writer = new SpanEventWriter(evidence, sink);
            this.runs = new RunAssembler(this::emit);
        }

        void run(ImportSource source) throws IOException {
            try {
                records.read(source, sink, this::record);
            } finally {
                // runs still open when the file ended, or broke, are handed on: what was read is kept
                runs.finish();
                writer.finish();
            }
        }

        private void record(JsonNode record, String locator, String list) {
            if (!record.isObject()) throw new RecordRejected("run is not a JSON object");
            if (!isRun(record, list)) throw new RecordRejected("not a LangSmith run: no run_type, dotted_order or trace_id");
            if ("patch".equals(list)) runs.patch((ObjectNode) record, locator);
            else post((ObjectNode) record, locator, 0);
        }

        /**
         * A run and, depth first, the runs nested in its {@code child_runs} (REST exports loaded with their
         * children): each becomes its own run with its own locator, none is dropped.
         */
        private void post(ObjectNode run, String locator, int depth) {
            JsonNode children = run.remove("child_runs");
            runs.post(run, locator);
            if (children == null || !children.isArray()) return;
            String childrenAt = (locator.equals("/") ? "" : locator) + "/child_runs";
            if (depth > 200) {
                records.nestedRecord(); // the deeper runs, quarantined together as one record
                sink.quarantine(childrenAt, "runs nested more than 200 deep", "");
                return;
            }
            int i = 0;
            for (JsonNode child : children) {
                String at = childrenAt + "/" + i++;
                records.nestedRecord();
                if (child instanceof ObjectNode c && isRun(c, null)) {
                    if (!c.has("parent_run_id") && RunAssembler.id(run) != null) c.put("parent_run_id", RunAssembler.id(run));
                    if (!c.has("trace_id") && run.has("trace_id")) c.set("trace_id", run.get("trace_id"));
                    post(c, at, depth + 1);
                } else {
                    sink.quarantine(at, "child run is not a LangSmith run object", Json.excerpt(child.toString(), 300));
                }
            }
        }

        private void emit(JsonNode run, String locator) {
            if (!run.has("run_type") && !run.has("name")) {
                sink.quarantine(locator, "patch for run " + RunAssembler.id(run) + " without its post: the run's name and type are unknown",
                        Json.excerpt(run.toString(), 300));
                return;
            }
            ObservedSpan s = LangSmithRuns.read(run, locator);
            if (s.timeInferred) sink.warn("time-inferred", "run without a start time", locator);
            if (!run.has("end_time") || run.get("end_time").isNull()) {
                sink.warn("run-not-finished", "run '" + s.name + "' has no end time in this file: it was still running when exported", locator);
            }
            writer.write(s);
        }
    }

    /** A run names its type or its place in a trace; a patch only needs the id it updates. */
    private static boolean isRun(JsonNode record, String list) {
        if (RunAssembler.id(record) == null) return false;
        return "patch".equals(list) || record.has("run_type") || record.has("dotted_order") || record.has("trace_id");
    }
}
