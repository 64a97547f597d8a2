package dev.tracehound.importers.otlp;

import dev.tracehound.importers.FileHead;
import dev.tracehound.importers.ImportSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/** Import sources and file heads for tests: test resources, files under ../shared, or text. */
public final class Sources {
    private Sources() {}

    public static Path resource(String relative) {
        try {
            var url = Sources.class.getClassLoader().getResource(relative);
            if (url == null) throw new IllegalArgumentException("no test resource " + relative);
            return Path.of(url.toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ImportSource of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return new ImportSource(HexFormat.of().formatHex(md.digest()), file.getFileName().toString(), Files.size(file),
                    () -> Files.newInputStream(file));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ImportSource text(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new ImportSource(sha256(bytes), name, bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    public static FileHead head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64 * 1024);
            return new FileHead(file.getFileName().toString(), head);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FileHead head(String name, String content) {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        return new FileHead(name, Arrays.copyOf(b, Math.min(b.length, 64 * 1024)));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
