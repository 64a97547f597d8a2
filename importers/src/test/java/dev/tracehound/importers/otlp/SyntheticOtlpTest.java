package dev.tracehound.importers.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.importers.CollectingSink;
import dev.tracehound.importers.ImportFixture;
import dev.tracehound.timeline.event.EventFlag;
import dev.tracehound.timeline.event.EventKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark generator writes valid, realistic spans that the importer reads without loss. */
class SyntheticOtlpTest {

    @Test
    void generatedFileImportsCleanlyWithRealisticSpans(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("synthetic.jsonl");
        long spans = SyntheticOtlp.write(file, 200, 7);
        assertEquals(200, spans);
        double bytesPerSpan = (double) Files.size(file) / spans;
        assertTrue(bytesPerSpan > 700 && bytesPerSpan < 1600, "about 1 KB per span, was " + bytesPerSpan);

        CollectingSink sink = ImportFixture.importFile(new OtlpImporter(), file);
        assertEquals(200, sink.records());
        assertTrue(sink.quarantined.isEmpty(), sink.quarantined::toString);
        assertEquals(0, sink.warnings.size(), sink.warnings::toString);
        assertEquals(100, sink.ofKind(EventKind.MODEL_CALL).size(), "two chat spans per trace, 50 traces");
        assertEquals(50, sink.ofKind(EventKind.AGENT_STEP).size());
        assertTrue(sink.events.stream().noneMatch(e -> e.has(EventFlag.CONTENT_NOT_CAPTURED)));
        assertTrue(sink.events.stream().allMatch(e -> e.sessionId().startsWith("conv-")), "every span in its conversation");
        // Same seed, same bytes: benchmarks compare like with like.
        Path again = dir.resolve("again.jsonl");
        SyntheticOtlp.write(again, 200, 7);
        assertEquals(-1, Files.mismatch(file, again));
    }
}
