package dev.tracehound.app.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the files Tracehound hands to people (reports, exports, checklists, regression tests, replay plans) in one
 * step: into a temporary file in the target's folder, then moved over the target, so a failed write leaves no half
 * file and no one ever reads one.
 *
 * <p>The temporary file is created the way any new file is, so the result gets the permissions the user's umask (and
 * the folder's default ACL) give a new file there, e.g. {@code rw-r--r--} under umask 022. {@link
 * Files#createTempFile} would make it owner-only ({@code rw-------}), which keeps a report from the people it is for.
 */
public final class OutputFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NAME_ATTEMPTS = 100;
    /**
     * Part files being written. Ctrl-C or a closing terminal's SIGTERM ends the JVM without unwinding the writing
     * thread, so its finally never runs: a shutdown hook removes what is left (an export left 120 MB behind before).
     */
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> IN_PROGRESS.forEach(tmp -> {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // the JVM is going; nothing else can be done about it
            }
        }), "tracehound-part-files"));
    }

    private OutputFiles() {}

    /** Writes the content to the target, creating its folder if needed; returns what the content returned. */
    public static long writeAtomically(Path target, Content content) throws IOException {
        Path out = target.toAbsolutePath().normalize();
        Path folder = out.getParent();
        Files.createDirectories(folder);
        Path tmp = createPartFile(folder);
        IN_PROGRESS.add(tmp);
        try {
            long records;
            try (OutputStream os = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                records = content.write(os);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return records;
        } finally {
            Files.deleteIfExists(tmp);
            IN_PROGRESS.remove(tmp);
        }
    }

    /** Writes the text to the target as UTF-8, as {@link #writeAtomically(Path, Content)}. */
    public static void writeAtomically(Path target, String text) throws IOException {
        writeAtomically(target, os -> {
            os.write(text.getBytes(StandardCharsets.UTF_8));
            return 1;
        });
    }

    /**
     * A new, empty file with an unguessable name in the folder, created with the default permissions for a new file.
     * CREATE_NEW fails rather than follow a link someone placed under the name.
     */
    private static Path createPartFile(Path folder) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path tmp = folder.resolve(".tracehound-" + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".part");
            try {
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt == NAME_ATTEMPTS) throw e;
            }
        }
    }

    /** Writes the content and returns how many records (events, findings, pages) it holds. */
    @FunctionalInterface
    public interface Content {
        long write(OutputStream out) throws IOException;
    }
}
