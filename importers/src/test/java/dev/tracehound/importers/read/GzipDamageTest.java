package dev.tracehound.importers.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.importers.FileHeads;
import dev.tracehound.importers.ImportFixture;
import dev.tracehound.importers.Importers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gzip stream cut short or corrupt: every byte inflated before the damage is read, then one clear, placed error. */
class GzipDamageTest {
    private static final Path ASB = ImportFixture.shared("corpus/asb/asb-clean.jsonl");
    @TempDir Path dir;

    @Test
    void aTruncatedStreamGivesEveryByteBeforeTheCutThenSaysItIsTruncated() throws Exception {
        Path gz = ImportFixture.truncatedGzip(ASB, dir.resolve("cut.jsonl.gz"), 0.6);
        byte[] before = ImportFixture.inflatable(gz);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        GzipDamageException e = assertThrows(GzipDamageException.class, () -> readAll(gz, got));
        assertArrayEquals(before, got.toByteArray());
        assertArrayEquals(Arrays.copyOf(Files.readAllBytes(ASB), before.length), before, "the text before the cut is the original's");
        assertEquals("the gzip stream is truncated: the file ends before its compressed data does", e.getMessage());
        assertEquals(Files.size(gz), e.compressedOffset());
    }

    @Test
    void jsonLinesPlaceTheDamageAtTheLineItCut() throws Exception {
        Path gz = ImportFixture.truncatedGzip(ASB, dir.resolve("cut.jsonl.gz"), 0.6);
        String before = new String(ImportFixture.inflatable(gz), StandardCharsets.UTF_8);
        long complete = before.chars().filter(c -> c == '\n').count();
        String cut = before.substring(before.lastIndexOf('\n') + 1);
        try (JsonLines lines = new JsonLines(EvidenceStreams.decoded(Files.newInputStream(gz), "cut.jsonl.gz", DecompressionLimit.DEFAULT))) {
            for (long n = 1; n <= complete; n++) assertEquals(n, lines.next().number());
            GzipDamageException e = assertThrows(GzipDamageException.class, lines::next);
            assertEquals("line:" + (complete + 1) + " (compressed byte " + Files.size(gz) + ")", e.locator());
            assertEquals("the gzip stream is truncated: the file ends before its compressed data does (" + complete + " lines read before it)",
                    e.reason());
            assertEquals(JsonLines.Excerpts.of(cut), e.excerpt(), "the excerpt is what inflated of the cut line");
        }
    }

    @Test
    void aCorruptStreamNamesTheCompressedByteAndKeepsWhatInflatedBeforeIt() throws Exception {
        Path gz = ImportFixture.corruptGzip(ASB, dir.resolve("bad.jsonl.gz"), 0.06, 64);
        int from = (int) (Files.size(gz) * 0.06);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        GzipDamageException e = assertThrows(GzipDamageException.class, () -> readAll(gz, got));
        assertTrue(e.getMessage().matches("the gzip stream is corrupt at compressed byte \\d+: [a-z].+"), e.getMessage());
        assertTrue(e.compressedOffset() >= from && e.compressedOffset() <= Files.size(gz), e.getMessage());
        assertTrue(e.getMessage().contains("byte " + e.compressedOffset() + ":"), e.getMessage());
        assertTrue(got.size() >= jdkInflates(gz), "nothing the JDK's own reader gives is lost: " + got.size());
        assertArrayEquals(Arrays.copyOf(Files.readAllBytes(ASB), 500), Arrays.copyOf(got.toByteArray(), 500),
                "the text before the damage is the original's");
    }

    @Test
    void garbageAfterTheMagicBytesIsNotAValidGzipStreamAndDetectionSaysSo() throws Exception {
        byte[] noise = new byte[4000];
        new Random(11).nextBytes(noise);
        byte[] header = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};
        Path badHeader = Files.write(dir.resolve("a.gz"), concat(new byte[] {0x1f, (byte) 0x8b}, noise));
        Path badData = Files.write(dir.resolve("b.jsonl.gz"), concat(header, noise));
        Path magicOnly = Files.write(dir.resolve("c.gz"), new byte[] {0x1f, (byte) 0x8b});
        for (Path file : new Path[] {badHeader, badData, magicOnly}) {
            GzipDamageException e = assertThrows(GzipDamageException.class, () -> FileHeads.read(file));
            assertTrue(e.getMessage().startsWith("not a valid gzip stream: "), e.getMessage());
            IOException detect = assertThrows(IOException.class, () -> Importers.detect(file));
            assertEquals(e.getMessage(), detect.getMessage());
        }
        assertEquals("not a valid gzip stream: the file ends before its compressed data does",
                assertThrows(GzipDamageException.class, () -> FileHeads.read(magicOnly)).getMessage());
        String data = assertThrows(GzipDamageException.class, () -> FileHeads.read(badData)).getMessage();
        assertTrue(data.matches("not a valid gzip stream: [a-z].+ \\(at compressed byte \\d+\\)"), data);
    }

    @Test
    void theHeadOfATruncatedStreamIsWhatInflatedBeforeTheCut() throws Exception {
        Path gz = ImportFixture.truncatedGzip(ImportFixture.shared("samples/claude-code/simonw_sample_session.jsonl"), dir.resolve("s.gz"), 0.8);
        assertArrayEquals(ImportFixture.inflatable(gz), FileHeads.read(gz).bytes());
        assertEquals("claude-code", Importers.detect(gz).format());
    }

    private static void readAll(Path gz, ByteArrayOutputStream to) throws IOException {
        try (InputStream in = EvidenceStreams.decoded(Files.newInputStream(gz), gz.getFileName().toString(), DecompressionLimit.DEFAULT)) {
            in.transferTo(to);
        }
    }

    /** What the JDK's reader gives before it throws: it drops what a failing inflate wrote. */
    private static long jdkInflates(Path gz) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(gz)))) {
            in.transferTo(got);
        } catch (IOException expected) {
            // the damage
        }
        return got.size();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
