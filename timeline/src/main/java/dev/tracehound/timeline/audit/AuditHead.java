package dev.tracehound.timeline.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The last audit entry's sequence and hash, kept in a file outside the database. Deleting the newest rows leaves
 * a chain that is valid in itself; only a copy elsewhere shows that it got shorter.
 */
public record AuditHead(long seq, String hash) {

    public static Optional<AuditHead> read(Path file) throws IOException {
        String s;
        try {
            s = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String[] parts = s.split("\\s+");
        if (parts.length != 2) throw new IOException(file + " does not hold '<seq> <hash>'");
        try {
            return Optional.of(new AuditHead(Long.parseLong(parts[0]), parts[1]));
        } catch (NumberFormatException e) {
            throw new IOException(file + " does not start with a sequence number", e);
        }
    }

    /**
     * Writes this head beside the file, before the entry it names is committed: if the process dies after the commit
     * but before {@link #commitPending}, the next append finds the log's last entry here and finishes the move.
     */
    void writePending(Path file) throws IOException {
        Files.writeString(pending(file), seq + " " + hash + "\n", StandardCharsets.US_ASCII);
    }

    /** Makes the pending head the head, atomically: a crash leaves the old head or the new one, never half of one. */
    static void commitPending(Path file) throws IOException {
        Files.move(pending(file), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static Path pending(Path file) {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }

    boolean names(long lastSeq, String lastHash) {
        return seq == lastSeq && hash.equals(lastHash);
    }
}
