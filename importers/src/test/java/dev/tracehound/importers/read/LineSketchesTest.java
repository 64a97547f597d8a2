package dev.tracehound.importers.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSketchesTest {

    @Test
    void longStringsAreCutAndTheFieldsAfterThemStillShow() throws IOException {
        String big = "x".repeat(3 << 20);
        List<JsonNode> lines = sketches("{\"message\":\"" + big + "\",\"datetime\":\"2025-03-01T10:00:00Z\",\"n\":[1,2,3]}\n{\"message\":\"small\"}\n");
        assertEquals(2, lines.size());
        JsonNode first = lines.get(0);
        assertEquals(LineSketches.MAX_STRING_BYTES, first.get("message").asText().length());
        assertEquals("2025-03-01T10:00:00Z", first.get("datetime").asText());
        assertEquals(3, first.get("n").size());
        assertEquals("small", lines.get(1).get("message").asText());
    }

    @Test
    void theCutFallsOutsideEscapesAndMultiByteCharacters() throws IOException {
        // every cut position around escapes (\" \\ \u00e9, a surrogate pair) and two-, three- and four-byte UTF-8
        List<String> tails = List.of("\\\"", "\\\\", "\\u00e9", "\\ud83d\\ude00", "é", "€", "😀", "\\n");
        for (String tail : tails) {
            for (int shift = 0; shift < 8; shift++) {
                String text = "a".repeat(LineSketches.MAX_STRING_BYTES - shift) + tail.repeat(4) + "\\\"quoted\\\" end";
                List<JsonNode> lines = sketches("{\"text\":\"" + text + "\",\"after\":true}\n");
                assertEquals(1, lines.size(), () -> "cut near " + tail);
                assertTrue(lines.get(0).get("after").asBoolean());
                assertTrue(lines.get(0).get("text").asText().startsWith("a".repeat(LineSketches.MAX_STRING_BYTES - shift)));
            }
        }
    }

    @Test
    void brokenBlankAndScalarLinesAreSkipped() throws IOException {
        List<JsonNode> lines = sketches("\n{broken\n\"text\"\n{\"a\":1} {\"b\":2}\n  {\"ok\":1}  \r\n[1]\n{\n");
        assertEquals(List.of("{\"ok\":1}", "[1]"), lines.stream().map(JsonNode::toString).toList());
    }

    @Test
    void aHugeRecordKeepsItsOwnFieldsButNotEverythingInThem() throws IOException {
        StringBuilder line = new StringBuilder("{\"values\":[");
        for (int i = 0; i < 100_000; i++) line.append(i == 0 ? "" : ",").append(i);
        line.append("],\"type\":\"user\",\"nested\":{\"a\":1}}\n");
        JsonNode sketch = sketches(line.toString()).get(0);
        assertTrue(sketch.get("values").size() < LineSketches.MAX_NODES);
        assertEquals("user", sketch.get("type").asText());
        assertTrue(sketch.get("nested").isObject());
    }

    @Test
    void readingStopsAtTheLineAndByteLimits() throws IOException {
        String file = "{\"a\":1}\n".repeat(50);
        assertEquals(20, LineSketches.of(in(file), 20, Long.MAX_VALUE).size());
        // a line the byte budget cuts is not whole: not sketched
        assertEquals(2, LineSketches.of(in(file), 20, 20).size());
    }

    private static List<JsonNode> sketches(String file) throws IOException {
        return LineSketches.of(in(file), 20, Long.MAX_VALUE);
    }

    private static ByteArrayInputStream in(String file) {
        return new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8));
    }
}
