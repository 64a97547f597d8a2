package dev.tracehound.importers.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.tracehound.importers.CollectingSink;
import dev.tracehound.importers.ImportFixture;
import dev.tracehound.importers.ImportSource;
import dev.tracehound.importers.langsmith.LangSmithImporter;
import dev.tracehound.importers.read.JsonLayout.Layout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLayoutTest {

    /** Files whose first line is short are laid out as they always were: the bounded first-line reading decides. */
    @Test
    void smallFirstLinesKeepTheirLayout() throws IOException {
        List<String> files = List.of(
                "", "  \n\n", "{}", "{}\n", "{}\n\n", "{}\n \n", "{} \n", "{}\r\n", "{}\r\n\r\n", "\n\n{\"a\":1}\n{\"b\":2}\n",
                "{\"a\":1}\n{\"b\":2}", "[1,2]\n[3]\n", "{\"a\":1} {\"b\":2}\n{}\n", "{\"a\":1}\n{broken\n", "{broken\n{}\n",
                "{\n  \"a\": 1\n}\n", "{\n  \"a\": 1\n}\n{\n  \"b\": 2\n}\n", "[\n{\"a\":1},\n{\"b\":2}\n]\n", "{\"a\":1},\n{}\n",
                "\"text\"\n{}\n", "42\n", "\uFEFF{\"a\":1}\n{\"b\":2}\n", "{\"a\":\"x\\\"y\"}\n{}\n", "{\"a\":1}\r\n{\"b\":2}\r\n",
                "{\"a\":1}\n\n\n{\"b\":2}\n", "null\n{}\n", "{\"a\":1}\nnot json at all\n", "{\"a\":[1,{\"b\":[]}]}\n[]\n",
                "{\"a\":1} // comment\n{}\n", "{\"a\":1}\n   ");
        for (String file : files) {
            assertEquals(legacyIsJsonLines(file.getBytes(StandardCharsets.UTF_8)), JsonLayout.of(source(file)) == Layout.LINES,
                    () -> "layout of " + file.replace("\n", "\\n"));
        }
    }

    @Test
    void aFirstLineOfAnySizeIsJsonLinesWhenMoreLinesFollow() throws IOException {
        // 100 MB of string: past the 64 MiB the parser would hold as one string, so this is only JSONL if the probe skips it
        long size = 100L << 20;
        InputStream first = concat(bytes("{\"id\":\"r1\",\"text\":\""), repeat((byte) 'x', size), bytes("\"}\n{\"id\":\"r2\"}\n"));
        assertEquals(Layout.LINES, JsonLayout.of(new ImportSource("sha", "big.jsonl", size, () -> first)));
    }

    @Test
    void aOneLineDocumentOfAnySizeIsOneLineNotJsonLines() throws IOException {
        // 9 MB, past the 8 MiB a first line used to be read into, when a longer one counted as JSON lines unseen
        long size = 9L << 20;
        var source = new ImportSource("sha", "one.json", size,
                () -> concat(bytes("{\"resourceSpans\":[],\"pad\":\""), repeat((byte) 'x', size), bytes("\"}\n")));
        assertEquals(Layout.ONE_LINE, JsonLayout.of(source));
        assertFalse(RecordStream.isJsonLines(source));
    }

    @Test
    void aPrettyPrintedDocumentIsGivenUpOnAtItsSecondLine() throws IOException {
        // anything read past the second line fails the test: the probe must not walk a whole document
        var source = new ImportSource("sha", "doc.json", 0, () -> concat(bytes("{\n  \"data\": [\n"), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("read past the second line");
            }
        }));
        assertEquals(Layout.DOCUMENT, JsonLayout.of(source));
    }

    @Test
    void objectsAndArraysAreToldApart() throws IOException {
        assertTrue(JsonLayout.probe(source("{\"a\":1}\n{}\n")).objectFirst());
        assertFalse(JsonLayout.probe(source("[{\"role\":\"user\"}]\n[]\n")).objectFirst());
        assertEquals(Layout.ONE_LINE, JsonLayout.of(source("[{\"role\":\"user\"}]")));
    }

    @Test
    void aFirstRecordOverTheLimitIsQuarantinedAndTheNextLinesRead() throws IOException {
        long size = JsonLines.MAX_RECORD_BYTES + 10;
        String next = "{\"id\":\"r2\",\"trace_id\":\"r2\",\"name\":\"ok\",\"run_type\":\"chain\",\"start_time\":\"2025-03-01T10:00:00Z\"}\n";
        var source = new ImportSource("0".repeat(64), "runs.jsonl", size, () -> concat(
                bytes("{\"id\":\"r1\",\"trace_id\":\"r1\",\"run_type\":\"chain\",\"inputs\":{\"input\":\""), repeat((byte) 'x', size),
                bytes("\"}}\n" + next)));
        CollectingSink sink = ImportFixture.importSource(new LangSmithImporter(), source);
        assertEquals(2, sink.records());
        assertEquals(1, sink.quarantined());
        assertEquals("line:1", sink.quarantined.get(0).locator());
        assertTrue(sink.quarantined.get(0).reason().contains("line longer than"), sink.reasons());
        assertTrue(sink.events.stream().allMatch(e -> e.locator().startsWith("line:2")), sink.events.toString());
        assertFalse(sink.events.isEmpty());
    }

    private static ImportSource source(String text) {
        return ImportFixture.source("test.jsonl", text);
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream concat(InputStream... parts) {
        return new SequenceInputStream(java.util.Collections.enumeration(List.of(parts)));
    }

    /** {@code count} bytes of {@code b}, made as they are read. */
    private static InputStream repeat(byte b, long count) {
        return new InputStream() {
            long left = count;

            @Override
            public int read() {
                if (left == 0) return -1;
                left--;
                return b & 0xff;
            }

            @Override
            public int read(byte[] to, int off, int len) {
                if (left == 0) return -1;
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(to, off, off + n, b);
                left -= n;
                return n;
            }
        };
    }

    /** The decision as it was made before: the first non-blank line, read into at most 8 MiB, whole and followed by a line. */
    private static boolean legacyIsJsonLines(byte[] file) throws IOException {
        try (JsonLines lines = new JsonLines(new ByteArrayInputStream(file), 8 * 1024 * 1024)) {
            JsonLines.Line line;
            while ((line = lines.next()) != null) {
                if (line.blank()) continue;
                if (line.oversized()) return true;
                try (JsonParser p = Json.MAPPER.createParser(line.bytes(), 0, line.length())) {
                    JsonToken first = p.nextToken();
                    if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) return false;
                    p.skipChildren();
                    if (p.nextToken() != null) return false;
                } catch (JsonProcessingException e) {
                    return false;
                }
                return lines.next() != null;
            }
            return false;
        }
    }
}
