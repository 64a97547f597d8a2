package dev.tracehound.importers.langfuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.importers.ImportFixture;
import dev.tracehound.importers.otlp.OtlpFixture;
import dev.tracehound.importers.run.ImportListener;
import dev.tracehound.importers.run.ImportReport;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Into a real case (H2 + Lucene), the OTLP export and the Langfuse export of the same trace: formats are
 * detected, and the span they share is stored once.
 */
class CrossFormatDedupTest {
    @TempDir Path dir;

    @Test
    void theSameSpanFromOtlpAndLangfuseIsStoredOnce() throws Exception {
        Path otlp = dir.resolve("trace.otlp.json");
        Files.writeString(otlp, OtlpFixture.request(OtlpFixture.span("FEE618F96DC31E0CA38B2F7B26EB8B29", "5B99C3E3411ED17B",
                "d950b668796240b5", "get_weather", OtlpFixture.flat(Map.of("openinference.span.kind", "TOOL", "tool.name", "get_weather",
                        "input.value", "{\"city\":\"Tokyo\"}", "output.value", "The weather in Tokyo is sunny.")))).toPrettyString());
        Path langfuse = ImportFixture.resource("samples/langfuse/langfuse_openai-agents-2025-09-30.trace.json");
        try (Case c = Cases.create(dir.resolve("case"), "cross-format")) {
            List<ImportReport> reports = new ImportRun(c, List.of(otlp, langfuse)).run();
            ImportReport fromOtlp = reports.get(0);
            ImportReport fromLangfuse = reports.get(1);
            assertTrue(fromOtlp.ok() && fromLangfuse.ok(), reports.toString());
            assertEquals("otlp", fromOtlp.format());
            assertEquals("langfuse", fromLangfuse.format());
            assertEquals(2, fromOtlp.events(), "TOOL_CALL and TOOL_RESULT");
            // Three duplicates: the tool observation's two events (already stored from OTLP) and the user's
            // question, which both generations repeat in their input.
            assertEquals(3, fromLangfuse.duplicates());
            assertEquals(fromOtlp.events() + fromLangfuse.events(), c.events().count());
        }
    }

    /** ImportRun's constructor with no format (detect) and no listener. */
    private static final class ImportRun {
        private final dev.tracehound.importers.run.ImportRun run;

        ImportRun(Case c, List<Path> files) {
            this.run = new dev.tracehound.importers.run.ImportRun(c, files, null, ImportListener.NONE);
        }

        List<ImportReport> run() throws Exception {
            return run.run();
        }
    }
}
