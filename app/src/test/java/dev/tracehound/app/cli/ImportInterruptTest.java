package dev.tracehound.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehound.importers.otlp.SyntheticOtlp;
import dev.tracehound.importers.run.ImportReport;
import dev.tracehound.importers.run.ImportRun;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping {@code tracehound import} from outside (Ctrl-C, or the SIGTERM of a closing terminal) in a real process:
 * the report of what was stored is still printed, the error line says how to finish, and importing again completes
 * the file with every event once.
 */
class ImportInterruptTest {
    @TempDir Path tmp;

    @Test
    void anInterruptedImportPrintsItsReportAndAnotherRunCompletesIt() throws Exception {
        Path file = tmp.resolve("spans.jsonl");
        SyntheticOtlp.write(file, 30_000, 7);
        Path caseDir = tmp.resolve("case");
        try (Case c = Cases.create(caseDir, "interrupted")) {
            c.dir();
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "dev.tracehound.app.Main",
                "import", "--case", caseDir.toString(), "--json", "--progress", file.toString()).start();
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder errText = new StringBuilder();
        for (String line; (line = err.readLine()) != null; ) { // the first progress line: reading has started
            errText.append(line).append('\n');
            if (line.startsWith("importing ")) break;
        }
        p.toHandle().destroy(); // SIGTERM, the same shutdown path as Ctrl-C (Process.destroy would also close our pipes)
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        for (String line; (line = err.readLine()) != null; ) errText.append(line).append('\n');
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));

        JsonNode report = new ObjectMapper().readTree(out);
        assertTrue(report.get("cancelled").asBoolean(), out);
        long first = report.get("events").asLong();
        assertTrue(report.get("records").asLong() < 30_000, "stopped part-way: " + out);
        assertTrue(errText.toString().contains("tracehound: " + file + ": cancelled; run the import again to complete it"), errText.toString());
        assertTrue(errText.toString().contains(" stopped\n"), "the last progress line does not say done: " + errText);

        Path whole = tmp.resolve("whole");
        long expected;
        try (Case c = Cases.create(whole, "uninterrupted")) {
            expected = new ImportRun(c, List.of(file), null, null).run().getFirst().events();
        }
        try (Case c = Cases.open(caseDir)) {
            ImportReport again = new ImportRun(c, List.of(file), null, null).run().getFirst();
            assertTrue(!again.cancelled() && again.error() == null, again.toMap().toString());
            assertEquals(expected, first + again.events(), "every event stored once across both runs");
            assertEquals(expected, c.events().count());
        }
        assertTrue(Files.exists(caseDir.resolve("case.json")));
    }
}
