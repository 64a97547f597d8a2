package dev.tracehound.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write stopped from outside (SIGTERM, as a closing terminal or Ctrl-C ends it) leaves no part file behind. */
class OutputFilesInterruptTest {
    @TempDir Path tmp;

    @Test
    void aStoppedWriteLeavesNoPartFile() throws Exception {
        Path target = tmp.resolve("report.jsonl");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SlowOutputMain.class.getName(), target.toString()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("writing", out.readLine(), "the child started writing");
        try (Stream<Path> during = Files.list(tmp)) {
            assertTrue(during.anyMatch(f -> f.getFileName().toString().endsWith(".part")), "a part file while writing");
        }
        p.toHandle().destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        try (Stream<Path> after = Files.list(tmp)) {
            assertEquals(List.of(), after.toList(), "neither the part file nor a half report is left");
        }
    }
}
