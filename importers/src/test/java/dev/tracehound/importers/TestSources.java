package dev.tracehound.importers;

import dev.tracehound.importers.read.DecompressionLimit;
import dev.tracehound.importers.read.EvidenceStreams;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Import sources over files for importer tests, and the paths of real samples. */
public final class TestSources {
    private TestSources() {}

    public static Path shared(String relative) {
        String base = System.getProperty("tracehound.shared", "../../shared");
        return Path.of(base).resolve(relative);
    }

    public static Path resource(String relative) {
        return Path.of("src/test/resources").resolve(relative);
    }

    public static ImportSource of(Path file) {
        return of(file, DecompressionLimit.DEFAULT);
    }

    public static ImportSource of(Path file, DecompressionLimit limit) {
        try {
            return new ImportSource(sha256(file), file.getFileName().toString(), Files.size(file),
                    () -> EvidenceStreams.decoded(Files.newInputStream(file), file.getFileName().toString(), limit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CollectingSink read(Importer importer, Path file) throws IOException {
        CollectingSink sink = new CollectingSink();
        importer.read(of(file), sink);
        return sink;
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), newDigest())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
