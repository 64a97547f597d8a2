package dev.tracehound.importers.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.importers.CollectingSink;
import dev.tracehound.importers.ImportFixture;
import dev.tracehound.importers.Importer;
import dev.tracehound.importers.langfuse.LangfuseImporter;
import dev.tracehound.importers.langsmith.LangSmithImporter;
import dev.tracehound.timeline.event.EventKind;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile and broken input for the span importers: clear quarantine entries or errors, never a crash or hang. */
class SpanImportersHostileInputTest {
    private static final List<Importer> IMPORTERS = List.of(new OtlpImporter(), new LangfuseImporter(), new LangSmithImporter());

    @Test
    void deepNestingInAJsonLinesRecordIsQuarantined() throws IOException {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        String good = OtlpFixture.request(OtlpConventionsTest.toolSpan("a000000000000001")).toString();
        for (Importer importer : IMPORTERS) {
            CollectingSink sink = ImportFixture.importText(importer, "deep.jsonl", good + "\n" + deep + "\n" + good + "\n");
            // line:2, or line:2/0 where the line's value is an array of records (Langfuse, LangSmith)
            assertTrue(sink.quarantined.stream().anyMatch(q -> q.locator().startsWith("line:2") && q.reason().contains("nested")),
                    importer.format() + ": " + sink.quarantined);
        }
    }

    @Test
    void deepNestingAsAWholeDocumentIsAClearError() {
        String deep = "{\"resourceSpans\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        for (Importer importer : IMPORTERS) {
            IOException e = assertThrows(IOException.class, () -> importer.read(ImportFixture.source("deep.json", deep), new CollectingSink()),
                    importer.format());
            assertTrue(e.getMessage().contains("nesting") || e.getMessage().contains("depth"), e.getMessage());
        }
    }

    @Test
    void documentCutOffHalfWayKeepsWhatWasReadAndQuarantinesTheRest() throws IOException {
        String whole = OtlpFixture.request(OtlpConventionsTest.toolSpan("a000000000000001"), OtlpConventionsTest.toolSpan("a000000000000002"))
                .toPrettyString();
        String cut = whole.substring(0, whole.indexOf("a000000000000002") + 5);
        CollectingSink sink = ImportFixture.importText(new OtlpImporter(), "cut.json", cut);
        assertEquals(1, sink.ofKind(EventKind.TOOL_CALL).size(), "the first span, read before the cut");
        assertEquals(1, sink.quarantined.size());
        assertEquals("/resourceSpans/0/scopeSpans/0/spans/1", sink.quarantined.getFirst().locator(), "the span it broke in");
        assertTrue(sink.quarantined.getFirst().reason().startsWith("the file ends inside this record"), sink.reasons());
        assertTrue(sink.quarantined.getFirst().excerpt().contains("\"spanId\" : \"a0000"), "the cut span's own text: " + sink.quarantined);
        assertEquals(2, sink.records(), "two spans, one cut");
    }

    @Test
    void everyQuarantinedLineOrSpanIsCountedOnceSoTheReportAddsUp() throws IOException {
        String good = OtlpFixture.request(OtlpConventionsTest.toolSpan("a000000000000001")).toString();
        var noTrace = OtlpConventionsTest.toolSpan("a000000000000002");
        noTrace.remove("traceId");
        String broken = OtlpFixture.request(OtlpConventionsTest.toolSpan("a000000000000003")).toString();
        broken = broken.substring(0, broken.indexOf("a000000000000003") + 20); // the span's JSON breaks off
        String text = good + "\nnot json at all\n" + OtlpFixture.request(noTrace) + "\n" + broken + "\n";
        CollectingSink sink = ImportFixture.importText(new OtlpImporter(), "mixed.jsonl", text);
        assertEquals(List.of("line:2", "line:3/resourceSpans/0/scopeSpans/0/spans/0", "line:4"),
                sink.quarantined.stream().map(q -> q.locator()).toList(), sink.reasons());
        // one good span, a line that is no JSON, a span without a trace id, a span cut off: four records, three bad
        assertEquals(4, sink.records());
        assertEquals(1, sink.ofKind(EventKind.TOOL_CALL).size());
        assertTrue(sink.quarantined.get(1).excerpt().contains("a000000000000002"), "the bad span's own text: " + sink.quarantined.get(1));
    }

    @Test
    void scriptInContentStaysPlainText() throws IOException {
        String doc = "{\"trace\":{\"id\":\"t\"},\"observations\":[{\"id\":\"o\",\"type\":\"TOOL\",\"name\":\"fetch\","
                + "\"startTime\":\"2025-01-01T00:00:00Z\",\"output\":\"<script>alert(1)</script>\"}]}";
        CollectingSink sink = ImportFixture.importText(new LangfuseImporter(), "x.json", doc);
        assertEquals("<script>alert(1)</script>", sink.byDedupKey("span:t:o:tool_result").text(), "kept verbatim; escaping is the viewer's job");
    }

    @Test
    void cancellingStopsBetweenRecords() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            lines.append(OtlpFixture.request(OtlpConventionsTest.toolSpan(String.format("a%015x", i + 1)))).append('\n');
        }
        CollectingSink sink = new CollectingSink();
        sink.cancelAfterRecords = 5;
        new OtlpImporter().read(ImportFixture.source("many.jsonl", lines.toString()), sink);
        assertEquals(5, sink.records());
        assertEquals(5, sink.ofKind(EventKind.TOOL_CALL).size());
    }
}
