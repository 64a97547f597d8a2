package dev.tracehound.importers.run;

import dev.tracehound.importers.Importer;
import dev.tracehound.importers.read.DecompressionLimit;
import dev.tracehound.importers.read.EvidenceStreams;
import dev.tracehound.timeline.evidence.Hashing;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * An importer's {@link Importer.PreReader} run over the original file on a thread of its own, while the case copies
 * the same file into its evidence store. What it found is handed on only for the bytes that became the evidence: the
 * thread hashes every byte it reads (what the pass leaves unread, it reads to the end) and {@link #resultFor}
 * compares that with the evidence's SHA-256. A file that changed between the two reads, a pass that failed, or one
 * given up all give null, and the importer makes its pass over the stored copy instead.
 */
final class PreReading {
    /** For importers without a first pass. */
    static final PreReading NONE = new PreReading();

    private record Outcome(String sha256, Importer.PreRead found) {}

    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private volatile boolean abandoned;

    private PreReading() {}

    static PreReading start(Importer importer, Path file, DecompressionLimit limit) {
        return importer.preReader().map(reader -> {
            PreReading p = new PreReading();
            Thread t = new Thread(() -> p.run(reader, file, limit), "tracehound-preread");
            t.setDaemon(true);
            t.start();
            return p;
        }).orElse(NONE);
    }

    private void run(Importer.PreReader reader, Path file, DecompressionLimit limit) {
        MessageDigest md = Hashing.sha256();
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream hashed = new DigestInputStream(new Abandonable(raw), md);
            Importer.PreRead found;
            try {
                found = reader.read(new Unclosable(EvidenceStreams.decoded(hashed, file.getFileName().toString(), limit)));
            } catch (IOException | RuntimeException e) {
                found = null; // the importer's own pass over the stored copy will say what is wrong
            }
            hashed.transferTo(OutputStream.nullOutputStream());
            outcome.complete(new Outcome(Hashing.hex(md.digest()), found));
        } catch (IOException | RuntimeException e) {
            outcome.complete(null);
        } catch (Error e) {
            outcome.completeExceptionally(e);
        }
    }

    /** What the pass found, if the bytes it read are the evidence with this SHA-256; waits for it to end. */
    Importer.PreRead resultFor(String evidenceSha256) {
        if (this == NONE) return null;
        try {
            Outcome o = outcome.get();
            return o != null && o.sha256().equals(evidenceSha256) ? o.found() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) throw err; // out of memory: the import cannot go on either
            return null;
        }
    }

    /** Stops the pass at its next read: the file will not be imported after all. */
    void abandon() {
        abandoned = true;
    }

    private final class Abandonable extends FilterInputStream {
        Abandonable(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            check();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check();
            return super.read(b, off, len);
        }

        private void check() throws IOException {
            if (abandoned) throw new IOException("pre-read abandoned");
        }
    }

    /** Parsers close their input; the rest of the file must still be hashed after the pass. */
    private static final class Unclosable extends FilterInputStream {
        Unclosable(InputStream in) {
            super(in);
        }

        @Override
        public void close() {}
    }
}
