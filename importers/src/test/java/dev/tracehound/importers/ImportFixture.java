package dev.tracehound.importers;

import dev.tracehound.importers.read.DecompressionLimit;
import dev.tracehound.importers.read.EvidenceStreams;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What every importer test starts with: a file (a test resource, a real sample under ../shared, or text) imported
 * into a {@link CollectingSink}, read the way an import run reads it (gzip decoded, within the decompression limit).
 */
public final class ImportFixture {
    private ImportFixture() {}

    /** Imports a file and returns what the importer produced. */
    public static CollectingSink importFile(Importer importer, Path file) throws IOException {
        return importSource(importer, source(file));
    }

    /** Imports text as if it were a file of that name. */
    public static CollectingSink importText(Importer importer, String name, String content) throws IOException {
        return importSource(importer, source(name, content));
    }

    public static CollectingSink importSource(Importer importer, ImportSource source) throws IOException {
        CollectingSink sink = new CollectingSink();
        importer.read(source, sink);
        return sink;
    }

    /** A file under the shared folder (system property {@code tracehound.shared}, set by surefire). */
    public static Path shared(String relative) {
        return Path.of(System.getProperty("tracehound.shared", "../../shared")).resolve(relative);
    }

    /** A test resource; fails clearly when it is missing. */
    public static Path resource(String relative) {
        var url = ImportFixture.class.getClassLoader().getResource(relative);
        if (url == null) throw new IllegalArgumentException("no test resource " + relative);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ImportSource source(Path file) {
        return source(file, DecompressionLimit.DEFAULT);
    }

    public static ImportSource source(Path file, DecompressionLimit limit) {
        try {
            return new ImportSource(sha256(file), file.getFileName().toString(), Files.size(file),
                    () -> EvidenceStreams.decoded(Files.newInputStream(file), file.getFileName().toString(), limit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ImportSource source(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new ImportSource(HexFormat.of().formatHex(newDigest().digest(bytes)), name, bytes.length,
                () -> new ByteArrayInputStream(bytes));
    }

    /** The head a detector sees of a file, read as an import reads it. */
    public static FileHead head(Path file) {
        try {
            return FileHeads.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FileHead head(String name, String content) {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        return new FileHead(name, Arrays.copyOf(b, Math.min(b.length, FileHeads.HEAD_BYTES)));
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), newDigest())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
