package dev.tracehound.timeline.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a case folder must be opened read-only: evidence is often examined on media mounted read-only, or from a
 * copy whose files were made read-only ({@code chmod -R a-w}) so nothing can change it. Such a case opens for
 * reading (search, timelines, verify, reports written elsewhere) and refuses every change with {@link #refusal}.
 *
 * <p>Three signs, any one enough: the file system is mounted read-only; this user may not write the folder, its
 * database, index, lock or audit head ({@code access(2)}, as {@link Files#isWritable} asks); or one of those grants
 * write permission to nobody. The last is what makes a read-only copy read-only for root too, who may write any
 * file: an investigator who took away every write bit asked for the case not to change.
 */
public final class ReadOnlyCase {
    private static final Set<PosixFilePermission> WRITE_BITS =
            Set.of(PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private ReadOnlyCase() {}

    /** Why the case in this folder cannot be written, or empty when it can. */
    static Optional<String> why(CaseFolder folder) {
        if (mountedReadOnly(folder.dir())) return Optional.of("its file system is mounted read-only");
        for (Path p : List.of(folder.dir(), folder.databaseFile(), folder.index(), folder.lockFile(), folder.auditHead())) {
            if (!Files.exists(p)) continue;
            String name = p.equals(folder.dir()) ? "the case folder" : p.getFileName().toString();
            if (!Files.isWritable(p)) return Optional.of(name + " is not writable for this user");
            if (noWriteBits(p)) return Optional.of(name + " grants no one write permission");
        }
        return Optional.empty();
    }

    /**
     * Whether the folder lies on a read-only mount. Linux's mount table ({@code /proc/self/mountinfo}) names each
     * mount's own options, so a read-only bind mount of a writable disk counts too (Java's {@link
     * java.nio.file.FileStore#isReadOnly} finds mounts by device and sees only the disk's); elsewhere the file store
     * answers.
     */
    static boolean mountedReadOnly(Path dir) {
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            return false;
        }
        Path mountinfo = Path.of("/proc/self/mountinfo");
        if (Files.isReadable(mountinfo)) {
            try {
                return readOnlyIn(real, Files.readAllLines(mountinfo));
            } catch (IOException | RuntimeException e) {
                // fall through to the file store
            }
        }
        try {
            return Files.getFileStore(real).isReadOnly();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether the mount a (real) path lies on is read-only, by the lines of a mountinfo table: the mount with the
     * longest mount point above the path, the later of two on one point (it is mounted over the other).
     */
    static boolean readOnlyIn(Path real, List<String> mountinfo) {
        String bestPoint = null;
        boolean bestReadOnly = false;
        for (String line : mountinfo) {
            // id parent major:minor root mount-point mount-options ...
            String[] f = line.split(" ");
            if (f.length < 6) continue;
            String point = unescape(f[4]);
            if (!real.startsWith(point)) continue;
            if (bestPoint == null || point.length() >= bestPoint.length()) {
                bestPoint = point;
                bestReadOnly = List.of(f[5].split(",")).contains("ro");
            }
        }
        return bestReadOnly;
    }

    /** Mount points in mountinfo escape space, tab, newline and backslash as octal ({@code \040}). */
    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean noWriteBits(Path p) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            return perms.stream().noneMatch(WRITE_BITS::contains);
        } catch (UnsupportedOperationException | IOException e) {
            return false; // not POSIX: Files.isWritable has answered
        }
    }

    /** What a user is told when a change to a read-only case is refused: why, and how to get a case to change. */
    public static String refusal(Path dir, String why) {
        return "The case at " + dir + " is read-only (" + why + "): it is open for reading only, and Tracehound changes"
                + " nothing in it (no import, analysis, annotation, finding status, playbook step, replay or audit entry). "
                + copyAdvice(dir);
    }

    /**
     * What a change to a case that can be written, but was opened for reading only ({@link Cases#openForReading}), is
     * told: a program that only reads asked for it so, and shares the case with other readers meanwhile.
     */
    static String openedForReading(Path dir) {
        return "The case at " + dir + " is open for reading only (it is shared with other programs that read it), so"
                + " nothing in it can be changed this way; open it for writing to change it.";
    }

    /** How to get a copy of a read-only case that can change. */
    static String copyAdvice(Path dir) {
        return "To work on it, copy the folder to writable storage and open the copy, e.g. `cp -r " + dir + " COPY"
                + " && chmod -R u+w COPY && chmod a-w COPY/evidence/*`; `tracehound verify --case COPY` checks the copy.";
    }
}
