package dev.tracehound.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.importers.langfuse.LangfuseImporter;
import dev.tracehound.importers.langsmith.LangSmithImporter;
import dev.tracehound.importers.otlp.OtlpFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report's counts add up for the JSON document formats (docs/importing.md, "The import report"): every record is
 * counted once, converted or quarantined, so records_converted = records - quarantined is never negative, and each
 * bad record is one quarantine entry with a JSON pointer. A record is a trace or an observation (Langfuse) and a run
 * or a patch (LangSmith).
 */
class ReportCountsTest {
    private static final String CREWAI = "samples/langfuse/langfuse_crewai-2025-07-11.trace.json"; // 1 trace, 6 observations
    private static final String PYDANTIC = "samples/langfuse/langfuse_pydantic-ai-tools-2025-12-04.trace.json"; // 1 trace, 12 observations
    private static final String LANGSMITH_BATCH = "samples/langsmith/langsmith_js_wrap_openai_default.json"; // {post:[1 run], patch:[1 run]}

    private static String resource(String name) throws IOException {
        return Files.readString(ImportFixture.resource(name));
    }

    private static void assertCounts(CollectingSink sink, long records, long quarantined) {
        assertEquals(records, sink.records(), "records; quarantined: " + sink.reasons());
        assertEquals(quarantined, sink.quarantined(), sink.reasons());
        assertEquals(quarantined, sink.quarantined.size(), "one entry per quarantined record");
        assertTrue(sink.records() - sink.quarantined() >= 0, "records converted is never negative");
    }

    private static List<String> locators(CollectingSink sink) {
        return sink.quarantined.stream().map(CollectingSink.Quarantined::locator).toList();
    }

    @Test
    void langfuseBadObservationsAreOneRecordEach() throws IOException {
        ObjectNode export = (ObjectNode) OtlpFixture.json(resource(CREWAI));
        ArrayNode observations = (ArrayNode) export.get("observations");
        observations.add("just a string");
        observations.addObject().put("type", "SPAN").put("name", "no id");
        CollectingSink clean = ImportFixture.importText(new LangfuseImporter(), "clean.json", resource(CREWAI));
        CollectingSink sink = ImportFixture.importText(new LangfuseImporter(), "bad.json", export.toPrettyString());
        assertCounts(clean, 7, 0);
        assertCounts(sink, 9, 2); // the trace, its 6 observations and the 2 bad ones: 7 converted
        assertEquals(List.of("/observations/6", "/observations/7"), locators(sink));
        assertEquals("observation is not a JSON object", sink.quarantined.get(0).reason());
        assertEquals("observation has no id", sink.quarantined.get(1).reason());
        assertEquals(clean.events.size(), sink.events.size(), "the good observations import as before");
    }

    /** Reading cannot resume after a syntax error inside a document: it stops, says where, and keeps what came before. */
    @Test
    void langfuseListWithAMalformedTraceStopsThereAndSaysSo() throws IOException {
        String broken = "{\"trace\":{\"id\": nope}}";
        String doc = "[\n" + resource(CREWAI) + ",\n" + broken + ",\n" + resource(PYDANTIC) + "\n]\n";
        CollectingSink sink = new CollectingSink();
        IOException stop = assertThrows(IOException.class, () -> new LangfuseImporter().read(ImportFixture.source("three.json", doc), sink));
        String message = stop.getMessage();
        int at = doc.indexOf(broken);
        assertTrue(message.startsWith("reading stopped at line "), message);
        assertTrue(message.contains("of " + doc.getBytes(StandardCharsets.UTF_8).length + " bytes, inside /1: malformed JSON: Unrecognized token 'nope'"), message);
        assertTrue(message.matches("(?s).* the \\d+ bytes after it were not read.*"), message);
        assertCounts(sink, 7 + 1, 1); // the first trace and its observations, then the broken trace
        assertEquals("/1", sink.quarantined.getFirst().locator());
        assertTrue(sink.quarantined.getFirst().reason().contains("reading stopped here"), sink.reasons());
        assertTrue(sink.quarantined.getFirst().excerpt().startsWith(broken), "the broken trace's own text: " + sink.quarantined);
        assertTrue(at > 0 && sink.events.stream().allMatch(e -> e.locator().startsWith("/0/")), "only the first trace was read");
        assertEquals(ImportFixture.importText(new LangfuseImporter(), "one.json", resource(CREWAI)).events.size(), sink.events.size());
    }

    /** A file that simply ends inside a record loses nothing else: that record is quarantined and the import completes. */
    @Test
    void langfuseListCutShortQuarantinesTheCutTrace() throws IOException {
        String second = resource(PYDANTIC);
        String doc = "[\n" + resource(CREWAI) + ",\n" + second.substring(0, second.length() / 2);
        CollectingSink sink = ImportFixture.importText(new LangfuseImporter(), "cut.json", doc);
        assertCounts(sink, 7 + 1, 1);
        assertEquals("/1", sink.quarantined.getFirst().locator());
        assertTrue(sink.quarantined.getFirst().reason().startsWith("the file ends inside this record (cut short at line "), sink.reasons());
        assertTrue(sink.quarantined.getFirst().excerpt().startsWith("{"), sink.quarantined.toString());
    }

    @Test
    void langsmithBatchCutAtTwoThirdsCountsThePostAndTheCutPatch() throws IOException {
        String whole = resource(LANGSMITH_BATCH);
        CollectingSink sink = ImportFixture.importText(new LangSmithImporter(), "cut.json", whole.substring(0, whole.length() * 2 / 3));
        assertCounts(sink, 2, 1); // the post converted, the patch it was cut in quarantined
        assertEquals("/patch/0", sink.quarantined.getFirst().locator());
        assertTrue(sink.quarantined.getFirst().reason().startsWith("the file ends inside this record"), sink.reasons());
        assertEquals(1, sink.warningCount("run-not-finished"), "the post's run, without the end time its patch had");
        assertTrue(!sink.events.isEmpty());
    }

    @Test
    void langsmithLineHoldingAnArrayCountsEachElement() throws IOException {
        CollectingSink alone = ImportFixture.importText(new LangSmithImporter(), "one.jsonl", "[1,2]\n");
        assertCounts(alone, 2, 2);
        assertEquals(List.of("/0", "/1"), locators(alone), "a one-line file reads as a document");
        String run = OtlpFixture.json(resource(LANGSMITH_BATCH)).toString();
        CollectingSink lines = ImportFixture.importText(new LangSmithImporter(), "runs.jsonl", "[1,2]\n" + run + "\n");
        assertCounts(lines, 4, 2); // two numbers, a post and a patch
        assertEquals(List.of("line:1/0", "line:1/1"), locators(lines));
        assertEquals("run is not a JSON object", lines.quarantined.getFirst().reason());
    }

    @Test
    void langsmithMalformedLinesAndChildRunsAreCountedOnce() throws IOException {
        String run = "{\"id\":\"r1\",\"trace_id\":\"r1\",\"name\":\"agent\",\"run_type\":\"chain\",\"start_time\":1700000000000,\"end_time\":1700000001000,"
                + "\"child_runs\":[{\"id\":\"r2\",\"run_type\":\"tool\",\"name\":\"search\",\"start_time\":1700000000100,\"end_time\":1700000000200},42]}";
        CollectingSink sink = ImportFixture.importText(new LangSmithImporter(), "runs.jsonl", run + "\nnot json\n" + run + "\n");
        assertCounts(sink, 7, 3); // per good line a run and its 2 children (one of them 42), and the line that is not JSON
        assertEquals(List.of("line:1/child_runs/1", "line:2", "line:3/child_runs/1"), locators(sink));
    }

    @Test
    void langfuseTraceWithoutObservationsIsAValidRecord() throws IOException {
        CollectingSink empty = ImportFixture.importText(new LangfuseImporter(), "empty.json", "{\"trace\":{\"id\":\"t1\"},\"observations\":[]}");
        assertCounts(empty, 1, 0);
        assertTrue(empty.events.isEmpty());
        // the public API's trace list names observations by id: nothing to import from them, and a warning says so
        CollectingSink listed = ImportFixture.importText(new LangfuseImporter(), "page.json",
                "{\"data\":[{\"id\":\"t2\",\"projectId\":\"p\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"observations\":[\"o1\",\"o2\"]}],\"meta\":{\"page\":1}}");
        assertCounts(listed, 1, 0);
        assertEquals(1, listed.warningCount("observations-not-included"), listed.warnings.toString());
    }
}
