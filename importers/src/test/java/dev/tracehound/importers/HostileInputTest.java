package dev.tracehound.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.importers.chat.ChatImporter;
import dev.tracehound.importers.claudecode.ClaudeCodeImporter;
import dev.tracehound.importers.generic.GenericImporter;
import dev.tracehound.importers.read.DecompressionBombException;
import dev.tracehound.importers.read.DecompressionLimit;
import dev.tracehound.importers.read.TextCheck;
import dev.tracehound.timeline.event.Event;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear reason and a locator; good records around it still import; nothing crashes or hangs. */
class HostileInputTest {
    private static final String GOOD_1 = "{\"message\":\"before\",\"datetime\":\"2025-01-01T00:00:00Z\"}\n";
    private static final String GOOD_2 = "{\"message\":\"after\",\"datetime\":\"2025-01-01T00:00:01Z\"}\n";
    @TempDir Path dir;

    private CollectingSink importGeneric(Path file) throws Exception {
        return ImportFixture.importFile(new GenericImporter(), file);
    }

    private static List<String> texts(CollectingSink sink) {
        return sink.events.stream().map(Event::text).toList();
    }

    @Test
    void truncatedJsonlLine() throws Exception {
        Path file = dir.resolve("cut.jsonl");
        Files.writeString(file, GOOD_1 + GOOD_2 + "{\"message\":\"cut sho");
        CollectingSink sink = importGeneric(file);
        assertEquals(List.of("before", "after"), texts(sink));
        assertEquals(3, sink.records());
        assertEquals("line:3", sink.quarantined.get(0).locator());
        assertTrue(sink.quarantined.get(0).reason().startsWith("malformed JSON"), sink.reasons());
    }

    @Test
    void truncatedJsonArray() throws Exception {
        Path file = dir.resolve("cut.json");
        Files.writeString(file, "[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"assistant\",\"content\":\"b\"},{\"role\":\"us");
        CollectingSink sink = ImportFixture.importFile(new ChatImporter(), file);
        assertEquals(List.of("a", "b"), texts(sink));
        assertEquals(1, sink.quarantined());
        assertEquals("/2", sink.quarantined.get(0).locator());
        assertTrue(sink.quarantined.get(0).reason().startsWith("the file ends inside this record (cut short"), sink.reasons());
        assertEquals("{\"role\":\"us", sink.quarantined.get(0).excerpt(), "the cut element's own text");
        assertEquals(3, sink.records());
    }

    /** A parser cannot resume after a syntax error inside a document: reading stops there, and says so. */
    @Test
    void malformedElementInTheMiddleOfAJsonArrayStopsReadingThere() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "[{\"role\":\"user\",\"content\":\"a\"},{\"role\": oops},{\"role\":\"user\",\"content\":\"c\"}]");
        CollectingSink sink = new CollectingSink();
        IOException stop = assertThrows(IOException.class, () -> new ChatImporter().read(ImportFixture.source(file), sink));
        assertTrue(stop.getMessage().startsWith("reading stopped at line 1, column "), stop.getMessage());
        assertTrue(stop.getMessage().contains("inside /1"), stop.getMessage());
        assertEquals(List.of("a"), texts(sink), "what came before the break is kept");
        assertEquals(2, sink.records());
        assertEquals("/1", sink.quarantined.get(0).locator());
        assertTrue(sink.quarantined.get(0).excerpt().startsWith("{\"role\": oops}"), sink.quarantined.toString());
    }

    @Test
    void dataAfterTheJsonDocumentIsReportedNotIgnored() throws Exception {
        Path file = dir.resolve("two.json");
        Files.writeString(file, "[{\"role\":\"user\",\"content\":\"a\"}]\n[{\"role\":\"user\",\"content\":\"b\"}]\n");
        CollectingSink sink = ImportFixture.importFile(new ChatImporter(), file);
        assertEquals(List.of("a"), texts(sink));
        assertEquals(1, sink.quarantined());
        assertTrue(sink.quarantined.get(0).reason().startsWith("unexpected data after the top-level JSON value"), sink.reasons());
    }

    @Test
    void a200MegabyteLineIsQuarantinedWithoutLoadingIt() throws Exception {
        Path file = dir.resolve("huge.jsonl");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(GOOD_1.getBytes(StandardCharsets.UTF_8));
            out.write("{\"message\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'A');
            for (int i = 0; i < 200; i++) out.write(chunk);
            out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write(GOOD_2.getBytes(StandardCharsets.UTF_8));
        }
        CollectingSink sink = importGeneric(file);
        assertEquals(3, sink.records());
        assertEquals(List.of("before", "after"), texts(sink));
        assertEquals("line:2", sink.quarantined.get(0).locator());
        assertTrue(sink.quarantined.get(0).reason().contains("209,715,214 bytes is over the 67,108,864-byte limit"), sink.reasons());
        assertTrue(sink.quarantined.get(0).excerpt().length() <= 200);
        assertEquals("line:3", sink.events.get(1).locator());
    }

    @Test
    void nesting100000DeepIsQuarantinedNotAStackOverflow() throws Exception {
        Path file = dir.resolve("deep.jsonl");
        Files.writeString(file, GOOD_1 + "{\"message\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}\n" + GOOD_2);
        CollectingSink sink = importGeneric(file);
        assertEquals(List.of("before", "after"), texts(sink));
        assertEquals("line:2", sink.quarantined.get(0).locator());
        assertTrue(sink.quarantined.get(0).reason().startsWith("nested deeper than 1000 levels"), sink.reasons());
    }

    @Test
    void invalidUtf8RecordIsQuarantinedWithItsOffset() throws Exception {
        Path file = dir.resolve("latin1.jsonl");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(GOOD_1.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("{\"message\":\"caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9); // é in Latin-1: not UTF-8
        bytes.writeBytes("\",\"datetime\":\"2025-01-01T00:00:00Z\"}\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(GOOD_2.getBytes(StandardCharsets.UTF_8));
        Files.write(file, bytes.toByteArray());
        CollectingSink sink = importGeneric(file);
        assertEquals(List.of("before", "after"), texts(sink));
        assertEquals("line:2", sink.quarantined.get(0).locator());
        assertTrue(sink.quarantined.get(0).reason().startsWith("invalid UTF-8"), sink.reasons());
        assertTrue(sink.quarantined.get(0).reason().contains("byte offset " + GOOD_1.length()), sink.reasons());
    }

    @Test
    void gzipBombStopsTheImporterWithAClearError() throws Exception {
        Path bomb = dir.resolve("bomb.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb))) {
            out.write(GOOD_1.getBytes(StandardCharsets.UTF_8));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) out.write(zeros);
        }
        CollectingSink sink = new CollectingSink();
        var e = assertThrows(DecompressionBombException.class,
                () -> new GenericImporter().read(ImportFixture.source(bomb, new DecompressionLimit(8 << 20, 200)), sink));
        assertTrue(e.getMessage().contains("looks like a gzip bomb"), e.getMessage());
        assertTrue(e.getMessage().contains("records read so far are kept"), e.getMessage());
    }

    @Test
    void aTruncatedGzipJsonArrayKeepsTheElementsBeforeTheCut() throws Exception {
        StringBuilder array = new StringBuilder("[");
        for (int i = 0; i < 100; i++) array.append(i == 0 ? "" : ",").append("{\"role\":\"user\",\"content\":\"message ").append(i).append("\"}");
        Path gz = ImportFixture.truncatedGzip(Files.writeString(dir.resolve("chat.json"), array + "]"), dir.resolve("chat.json.gz"), 0.7);
        CollectingSink sink = ImportFixture.importFile(new ChatImporter(), gz);
        int kept = sink.events.size();
        assertTrue(kept > 0 && kept < 100, "some elements before the cut: " + kept);
        assertEquals("message " + (kept - 1), texts(sink).get(kept - 1));
        assertEquals(kept + 1, sink.records());
        assertEquals(1, sink.quarantined());
        assertEquals("/" + kept + " (compressed byte " + Files.size(gz) + ")", sink.quarantined.get(0).locator());
        assertEquals("the gzip stream is truncated: the file ends before its compressed data does (" + kept + " records read before it)",
                sink.quarantined.get(0).reason());
    }

    @Test
    void aGzipCutInItsTrailerIsReportedAfterTheWholeDocument() throws Exception {
        Path export = ImportFixture.shared("samples/claude-code/simonw_sample_session_webexport.json");
        byte[] gz = ImportFixture.gzip(Files.readAllBytes(export));
        Path cut = Files.write(dir.resolve("export.json.gz"), Arrays.copyOf(gz, gz.length - 4)); // no uncompressed size
        CollectingSink whole = ImportFixture.importFile(new ClaudeCodeImporter(), export);
        CollectingSink sink = ImportFixture.importFile(new ClaudeCodeImporter(), cut);
        assertEquals(whole.events.size(), sink.events.size(), "every line was inflated");
        assertEquals(whole.records() + 1, sink.records());
        assertEquals(1, sink.quarantined(), sink.reasons());
        assertTrue(sink.quarantined.get(0).locator().matches("byte:\\d+ \\(compressed byte " + cut.toFile().length() + "\\)"), sink.reasons());
        assertTrue(sink.quarantined.get(0).reason().endsWith("(" + whole.records() + " records read before it)"), sink.reasons());
    }

    @Test
    void aTruncatedGzipCsvKeepsTheRowsBeforeTheCut() throws Exception {
        StringBuilder csv = new StringBuilder("message,datetime\n");
        for (int i = 0; i < 300; i++) csv.append("row ").append(i).append(",2025-01-01T00:00:00Z\n");
        Path gz = ImportFixture.truncatedGzip(Files.writeString(dir.resolve("t.csv"), csv), dir.resolve("t.csv.gz"), 0.5);
        String before = new String(ImportFixture.inflatable(gz), StandardCharsets.UTF_8);
        long lines = before.chars().filter(c -> c == '\n').count();
        CollectingSink sink = importGeneric(gz);
        assertEquals(lines - 1, sink.events.size(), "every complete row after the header");
        assertEquals(lines, sink.records());
        assertEquals("line:" + (lines + 1) + " (compressed byte " + Files.size(gz) + ")", sink.quarantined.get(0).locator());
        assertTrue(sink.quarantined.get(0).reason().startsWith("the gzip stream is truncated"), sink.reasons());
    }

    @Test
    void binaryGarbageIsNotText() {
        byte[] random = new byte[65_536];
        new java.util.Random(1).nextBytes(random);
        assertTrue(TextCheck.whyNotText(random).isPresent());
        byte[] zeros = new byte[1000];
        assertTrue(TextCheck.whyNotText(zeros).orElseThrow().contains("NUL"));
        assertTrue(TextCheck.whyNotText("{\"message\":\"naïve café ☕ 😀\"}\n".getBytes(StandardCharsets.UTF_8)).isEmpty());
        // one bad byte is a record problem, not a binary file
        byte[] almost = (GOOD_1.repeat(50) + "\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(TextCheck.whyNotText(almost).isEmpty());
        // UTF-16 (with or without a byte-order mark, either byte order) is named, with the conversion
        for (var utf16 : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            String why = TextCheck.whyNotText(GOOD_1.repeat(20).getBytes(utf16)).orElseThrow();
            assertTrue(why.startsWith("it is UTF-16 text") && why.contains("iconv -f UTF-16 -t UTF-8"), utf16 + ": " + why);
        }
        assertTrue(TextCheck.whyNotText(zeros).orElseThrow().contains("NUL"), "all NULs are not UTF-16 text");
    }
}
