package dev.tracehound.importers.langsmith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.importers.read.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Merges SDK ingest batches ({@code post} then {@code patch} for the same run id; patch fields override) and
 * hands each run on as soon as it is complete (it has an end time), so memory holds only runs still open.
 * Runs still open at the end of the file are handed on then.
 */
final class RunAssembler {
    private record Pending(ObjectNode run, String locator) {}

    private final BiConsumer<JsonNode, String> complete;
    private final Map<String, Pending> open = new LinkedHashMap<>();

    RunAssembler(BiConsumer<JsonNode, String> complete) {
        this.complete = complete;
    }

    /** A run as created (post, or a plain exported run). */
    void post(ObjectNode run, String locator) {
        String id = id(run);
        Pending earlier = id == null ? null : open.remove(id);
        if (earlier != null) {
            // A patch came first: the patch still wins over the post.
            ObjectNode merged = run.deepCopy();
            merged.setAll(earlier.run());
            run = merged;
        }
        offer(id, run, locator);
    }

    /** Fields that update a run (patch). */
    void patch(ObjectNode patch, String locator) {
        String id = id(patch);
        Pending earlier = id == null ? null : open.remove(id);
        if (earlier == null) {
            offer(id, patch, locator);
            return;
        }
        ObjectNode merged = earlier.run();
        merged.setAll(patch);
        offer(id, merged, earlier.locator());
    }

    private void offer(String id, ObjectNode run, String locator) {
        if (id != null && !isComplete(run)) {
            open.put(id, new Pending(run, locator));
        } else {
            complete.accept(run, locator);
        }
    }

    /** Hands on the runs never completed, in dotted order (parents before children). */
    void finish() {
        List<Pending> rest = new ArrayList<>(open.values());
        open.clear();
        rest.sort(Comparator.comparing(p -> String.valueOf(Json.firstText(p.run(), "dotted_order"))));
        rest.forEach(p -> complete.accept(p.run(), p.locator()));
    }

    int openRuns() {
        return open.size();
    }

    static boolean isComplete(JsonNode run) {
        JsonNode end = run.get("end_time");
        // A patch alone has an end time but not the run's identity fields: it waits for its post.
        return end != null && !end.isNull() && (run.has("start_time") || run.has("run_type") || run.has("name"));
    }

    static String id(JsonNode run) {
        String id = Json.firstText(run, "id");
        if (id == null) id = DottedOrder.parse(Json.firstText(run, "dotted_order")).runId();
        return id == null ? null : id.toLowerCase(java.util.Locale.ROOT);
    }
}
