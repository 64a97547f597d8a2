package dev.tracehound.importers;

import dev.tracehound.importers.read.DecompressionLimit;
import dev.tracehound.importers.read.EvidenceStreams;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

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

    /** Gzips {@code source} into {@code target} and keeps the first {@code keep} (0..1) of the compressed bytes: a partial copy. */
    public static Path truncatedGzip(Path source, Path target, double keep) throws IOException {
        byte[] gz = gzip(Files.readAllBytes(source));
        return Files.write(target, Arrays.copyOf(gz, (int) (gz.length * keep)));
    }

    /** Gzips {@code source} into {@code target} with {@code length} random bytes written over it from {@code at} (0..1). */
    public static Path corruptGzip(Path source, Path target, double at, int length) throws IOException {
        byte[] gz = gzip(Files.readAllBytes(source));
        int from = (int) (gz.length * at);
        byte[] noise = new byte[length];
        new java.util.Random(from).nextBytes(noise);
        System.arraycopy(noise, 0, gz, from, Math.min(length, gz.length - from));
        return Files.write(target, gz);
    }

    public static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    /** What the JDK's own gzip reader gives of a truncated file before it fails: the text a reader can have. */
    public static byte[] inflatable(Path gz) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            in.transferTo(got); // writes each chunk as it is read, so what came before the cut stays
        } catch (java.io.EOFException expected) {
            // the cut
        }
        return got.toByteArray();
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
