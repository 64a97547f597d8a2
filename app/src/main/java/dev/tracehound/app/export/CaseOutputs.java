package dev.tracehound.app.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.app.AppVersion;
import dev.tracehound.timeline.audit.Actors;
import dev.tracehound.timeline.store.Case;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Where reports and exports of a case go and how they are recorded: by default under the case's {@code exports/}
 * folder, always written through {@link OutputFiles} (a temporary file moved into place, so a failed write leaves no
 * half file; the file gets the permissions of any new file), and audited with the file's SHA-256 so the audit log
 * proves what left the case.
 *
 * <p>A read-only case ({@link Case#readOnly}) can still be reported on and exported, to a file outside its folder,
 * but its audit log cannot record that: the output's record says it is not audited ({@link OutputRecord#audited}),
 * and the CLI says so next to the file's hash.
 */
public final class CaseOutputs {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper();

    private CaseOutputs() {}

    /** The default output file: {@code <case>/exports/<base>-<utc stamp>.<extension>}. */
    public static Path defaultPath(Case c, String base, String extension) {
        return c.dir().resolve("exports").resolve(base + "-" + STAMP.format(Instant.now()) + "." + extension);
    }

    /** Writes a file of the case atomically, then appends an {@code export} audit entry describing it. */
    public static OutputRecord write(Case c, Path target, String kind, String format, OutputFiles.Content content) {
        ObjectNode details = JSON.createObjectNode();
        details.put("kind", kind);
        details.put("format", format);
        details.put("file", target.toAbsolutePath().normalize().toString());
        return write(c, target, "export", details, kind, format, content);
    }

    /**
     * Writes a file of the case atomically, then appends an audit entry {@code action} whose details are the given
     * ones (the caller's own, such as a playbook run or an event id) followed by the file's SHA-256, size, record
     * count and the tool's version; a read-only case gets the file but no entry ({@link OutputRecord#audited}).
     * {@code details} ends up holding what was audited, for the caller to print.
     */
    public static OutputRecord write(Case c, Path target, String action, ObjectNode details, String kind, String format, OutputFiles.Content content) {
        Path out = target.toAbsolutePath().normalize();
        refuseInsideReadOnlyCase(c, out);
        try {
            long records = OutputFiles.writeAtomically(out, content);
            String sha256 = sha256(out);
            long size = Files.size(out);
            details.put("sha256", sha256);
            details.put("size", size);
            details.put("records", records);
            details.put("tool_version", AppVersion.get());
            boolean audited = auditIfWritable(c, action, details.toString());
            return new OutputRecord(out, kind, format, records, sha256, size, audited);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + out + ": " + reason(e, out.getParent()), e);
        }
    }

    /** The cause in words about the user's path, not the temporary file the write went through. */
    private static String reason(IOException e, Path folder) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied in " + folder;
        if (e instanceof java.nio.file.FileAlreadyExistsException f) return f.getFile() + " is a file, not a folder";
        if (e instanceof java.nio.file.NoSuchFileException || e instanceof java.nio.file.FileSystemException && e.getMessage() != null
                && e.getMessage().contains("Read-only")) {
            return "files cannot be created in " + folder;
        }
        return e.getMessage();
    }

    /**
     * Fails, before anything is written, when the output would land inside a read-only case's folder (its exports
     * folder by default): the message says to name a file elsewhere.
     */
    public static void refuseInsideReadOnlyCase(Case c, Path target) {
        if (c.readOnly().isEmpty()) return;
        Path out = target.toAbsolutePath().normalize();
        // through symbolic links too: a link to the case (or its exports folder) elsewhere leads inside it
        if (out.startsWith(c.dir().toAbsolutePath().normalize()) || real(out).startsWith(real(c.dir().toAbsolutePath().normalize()))) {
            throw new dev.tracehound.timeline.store.CaseException("The case is read-only (" + c.readOnly().get() + "), so " + out
                    + " cannot be written inside its folder; name an output file elsewhere (--out FILE).");
        }
    }

    /** Where a path leads once its links are followed: its nearest existing ancestor's real path, then the rest of it. */
    private static Path real(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return path;
        try {
            return existing.toRealPath().resolve(existing.relativize(path)).normalize();
        } catch (IOException e) {
            return path;
        }
    }

    /** Appends an audit entry; returns false, writing nothing, for a read-only case, whose log cannot record it. */
    private static boolean auditIfWritable(Case c, String action, String details) {
        if (c.readOnly().isPresent()) return false;
        c.audit().append(Actors.current(), action, details);
        return true;
    }

    /** SHA-256 of a file, streamed. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /**
     * What was written: the file, its hash and size, how many records it holds, and whether the case's audit log
     * records it (not for a read-only case).
     */
    public record OutputRecord(Path file, String kind, String format, long records, String sha256, long size, boolean audited) {}
}
