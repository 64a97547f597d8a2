package dev.tracehound.app.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source record read back from stored evidence, for each locator shape importers write. */
class RawRecordReaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsLinesNodesInsideALineAndNodesOfADocument() throws Exception {
        Path jsonl = tmp.resolve("spans.jsonl");
        Files.writeString(jsonl, "{\"a\":1}\n{\"spans\":[{\"name\":\"first\"},{\"name\":\"second\"}]}\n");
        Path json = tmp.resolve("trace.json");
        Files.writeString(json, "{\"observations\":[{\"id\":\"o1\",\"input\":\"<img src=x onerror=alert(1)>\"}]}");
        try (Case c = Cases.create(tmp.resolve("case"), "raw")) {
            String l = c.evidence().add(jsonl, "otlp").sha256();
            String d = c.evidence().add(json, "langfuse").sha256();
            assertEquals("{\"a\":1}", RawRecordReader.read(c.evidence(), l, "line:1"));
            assertEquals("{\"a\":1}", RawRecordReader.read(c.evidence(), l, "line:1#msg2"));
            String node = RawRecordReader.read(c.evidence(), l, "line:2/spans/1#tool_call1");
            assertTrue(node.contains("\"second\"") && !node.contains("first"), node);
            String obs = RawRecordReader.read(c.evidence(), d, "/observations/0");
            assertTrue(obs.contains("<img src=x onerror=alert(1)>"), "shown as the text it is: " + obs);
            assertTrue(RawRecordReader.read(c.evidence(), l, "line:9").contains("fewer than 9 lines"));
        }
    }
}
