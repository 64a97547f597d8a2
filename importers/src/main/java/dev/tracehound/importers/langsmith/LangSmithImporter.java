package dev.tracehound.importers.langsmith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.importers.EventSink;
import dev.tracehound.importers.FileHead;
import dev.tracehound.importers.ImportSource;
import dev.tracehound.importers.Importer;
import dev.tracehound.importers.read.Json;
import dev.tracehound.importers.otlp.spans.ObservedSpan;
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
        SpanEventWriter writer = new SpanEventWriter(source.evidenceSha256(), sink);
        RunAssembler runs = new RunAssembler((run, locator) -> emit(run, locator, writer, sink));
        new RecordStream(Set.of("post", "patch", "runs", "data")).read(source, sink, (record, locator, list) -> {
            if (!record.isObject()) {
                sink.quarantine(locator, "run is not a JSON object", Json.excerpt(record.toString(), 300));
                return;
            }
            if (!isRun(record, list)) {
                sink.quarantine(locator, "not a LangSmith run: no run_type, dotted_order or trace_id", Json.excerpt(record.toString(), 300));
                return;
            }
            if ("patch".equals(list)) runs.patch((ObjectNode) record, locator);
            else post((ObjectNode) record, locator, runs, sink, 0);
        });
        runs.finish();
        writer.finish();
    }

    /**
     * A run and, depth first, the runs nested in its {@code child_runs} (REST exports loaded with their
     * children): each becomes its own run with its own locator, none is dropped.
     */
    private static void post(ObjectNode run, String locator, RunAssembler runs, EventSink sink, int depth) {
        JsonNode children = run.remove("child_runs");
        runs.post(run, locator);
        if (children == null || !children.isArray()) return;
        if (depth > 200) {
            sink.quarantine((locator.equals("/") ? "" : locator) + "/child_runs", "runs nested more than 200 deep", "");
            return;
        }
        int i = 0;
        for (JsonNode child : children) {
            String at = (locator.equals("/") ? "" : locator) + "/child_runs/" + i++;
            if (child instanceof ObjectNode c && isRun(c, null)) {
                if (!c.has("parent_run_id") && RunAssembler.id(run) != null) c.put("parent_run_id", RunAssembler.id(run));
                if (!c.has("trace_id") && run.has("trace_id")) c.set("trace_id", run.get("trace_id"));
                post(c, at, runs, sink, depth + 1);
            } else {
                sink.quarantine(at, "child run is not a LangSmith run object", Json.excerpt(child.toString(), 300));
            }
        }
    }

    /** A run names its type or its place in a trace; a patch only needs the id it updates. */
    private static boolean isRun(JsonNode record, String list) {
        if (RunAssembler.id(record) == null) return false;
        return "patch".equals(list) || record.has("run_type") || record.has("dotted_order") || record.has("trace_id");
    }

    private static void emit(JsonNode run, String locator, SpanEventWriter writer, EventSink sink) {
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
