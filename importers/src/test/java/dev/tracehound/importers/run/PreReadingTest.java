package dev.tracehound.importers.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.importers.EventSink;
import dev.tracehound.importers.FileHead;
import dev.tracehound.importers.ImportFixture;
import dev.tracehound.importers.ImportSource;
import dev.tracehound.importers.Importer;
import dev.tracehound.importers.read.DecompressionLimit;
import dev.tracehound.importers.read.GzipDamageException;
import dev.tracehound.timeline.evidence.Hashing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first pass that overlaps the evidence copy hands on what it found only for the evidence's own bytes. */
class PreReadingTest {
    @TempDir Path tmp;

    /** What a pass saw: the decoded text it read. */
    private record Seen(String text) implements Importer.PreRead {}

    @Test
    void whatThePassFoundIsHandedOnForTheEvidenceItReadAndForNoOther() throws Exception {
        Path file = write("a.jsonl", "{\"a\":1}\n{\"b\":2}\n".repeat(20_000));
        PreReading p = PreReading.start(importer(in -> new Seen(new String(in.readAllBytes(), StandardCharsets.UTF_8))), file, DecompressionLimit.DEFAULT);
        Seen seen = (Seen) p.resultFor(sha(file));
        assertEquals(Files.readString(file), seen.text());
        assertNull(p.resultFor(sha(write("b.jsonl", "{\"a\":1}\n"))), "another file's hash: the pass read other bytes");
    }

    @Test
    void theWholeFileIsHashedWhenThePassStopsEarlyAndClosesItsStream() throws Exception {
        Path file = write("big.jsonl", "{\"span\":\"x\"}\n".repeat(100_000));
        Seen stopped = new Seen("ten bytes");
        PreReading p = PreReading.start(importer(in -> {
            in.readNBytes(10);
            in.close(); // as a JSON parser closes its input
            return stopped;
        }), file, DecompressionLimit.DEFAULT);
        assertSame(stopped, p.resultFor(sha(file)));
    }

    @Test
    void aGzippedFileIsReadDecodedAndHashedAsStored() throws Exception {
        String text = "{\"resourceSpans\":[]}\n".repeat(1000);
        Path file = tmp.resolve("spans.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        PreReading p = PreReading.start(importer(in -> new Seen(new String(in.readAllBytes(), StandardCharsets.UTF_8))), file, DecompressionLimit.DEFAULT);
        assertEquals(text, ((Seen) p.resultFor(sha(file))).text());
    }

    @Test
    void aTruncatedGzipIsReadToItsCutAndHashedWhole() throws Exception {
        Path gz = ImportFixture.truncatedGzip(write("spans.jsonl", "{\"resourceSpans\":[]}\n".repeat(20_000)), tmp.resolve("cut.jsonl.gz"), 0.5);
        PreReading p = PreReading.start(importer(in -> {
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            try {
                in.transferTo(seen);
            } catch (GzipDamageException e) {
                // as the OTLP pre-pass: what came before the damage is what the import can read too
            }
            return new Seen(seen.toString(StandardCharsets.UTF_8));
        }), gz, DecompressionLimit.DEFAULT);
        Seen seen = (Seen) assertTimeoutPreemptively(Duration.ofSeconds(30), () -> p.resultFor(sha(gz)));
        assertEquals(new String(ImportFixture.inflatable(gz), StandardCharsets.UTF_8), seen.text(),
                "handed on: the compressed bytes were hashed to their end");
    }

    @Test
    void aGzipThatInflatesNothingFailsThePassWithoutHanging() throws Exception {
        byte[] noise = new byte[100_000];
        new java.util.Random(3).nextBytes(noise);
        noise[0] = 0x1f;
        noise[1] = (byte) 0x8b;
        Path garbage = Files.write(tmp.resolve("garbage.gz"), noise);
        PreReading p = PreReading.start(importer(in -> new Seen(new String(in.readAllBytes(), StandardCharsets.UTF_8))), garbage,
                DecompressionLimit.DEFAULT);
        assertNull(assertTimeoutPreemptively(Duration.ofSeconds(30), () -> p.resultFor(sha(garbage))));
    }

    @Test
    void aFailedPassGivesNothingAndTheImporterReadsTheCopyItself() throws Exception {
        Path file = write("a.jsonl", "{\"a\":1}\n");
        PreReading p = PreReading.start(importer(in -> {
            throw new IOException("not what this pass expected");
        }), file, DecompressionLimit.DEFAULT);
        assertNull(p.resultFor(sha(file)));
        PreReading bomb = PreReading.start(importer(in -> new Seen(new String(in.readAllBytes(), StandardCharsets.UTF_8))), gzipOfZeros(),
                new DecompressionLimit(1 << 20, 10));
        assertNull(bomb.resultFor(sha(tmp.resolve("zeros.gz"))), "the gzip bomb guard stops the pass as it stops the import");
    }

    @Test
    void anAbandonedPassStopsAtItsNextRead() throws Exception {
        Path file = write("a.jsonl", "{\"a\":1}\n".repeat(100_000));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        PreReading p = PreReading.start(importer(in -> {
            in.read();
            started.countDown();
            go.await(10, TimeUnit.SECONDS);
            in.readAllBytes();
            return new Seen("all of it");
        }), file, DecompressionLimit.DEFAULT);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        p.abandon();
        go.countDown();
        assertNull(p.resultFor(sha(file)), "given up: nothing is handed on");
    }

    @Test
    void anImporterWithoutAFirstPassStartsNoThread() throws Exception {
        PreReading p = PreReading.start(new Fake(Optional.empty()), write("a.jsonl", "{}\n"), DecompressionLimit.DEFAULT);
        assertSame(PreReading.NONE, p);
        assertNull(p.resultFor("0".repeat(64)));
    }

    @FunctionalInterface
    private interface Pass {
        Importer.PreRead read(InputStream in) throws Exception;
    }

    private static Importer importer(Pass pass) {
        return new Fake(Optional.of(in -> {
            try {
                return pass.read(in);
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }));
    }

    private record Fake(Optional<PreReader> preReader) implements Importer {
        @Override public String format() { return "fake"; }
        @Override public String description() { return "a test importer"; }
        @Override public int detect(FileHead head) { return 0; }
        @Override public void read(ImportSource source, EventSink sink) {}
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content);
    }

    private Path gzipOfZeros() throws IOException {
        Path file = tmp.resolve("zeros.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(new byte[8 << 20]);
        }
        return file;
    }

    private static String sha(Path file) throws IOException {
        return Hashing.hex(Hashing.sha256().digest(Files.readAllBytes(file)));
    }
}
