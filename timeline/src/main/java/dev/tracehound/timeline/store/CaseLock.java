package dev.tracehound.timeline.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The write lock of a case: an OS file lock on {@code case.lock}, whose content names the holder (pid, host,
 * user, since) so a refused second writer can say who has the case open. The lock covers one byte far past
 * the content, so other processes can still read who holds it (Windows locks are mandatory).
 *
 * <p>A case opened for reading ({@link #acquireForReading}: a read-only case, or any case {@link
 * Cases#openForReading}) takes a shared lock on the same byte and writes nothing: readers share the case, each keeps a
 * writer out while it reads (and is kept out by one), and needs no write access to the folder. A refused writer
 * tells the two apart by asking for a shared lock itself, which only readers grant: a reader leaves no name, and the
 * user needs to hear that the case is being read, not written.
 */
final class CaseLock implements AutoCloseable {
    private static final long LOCK_POSITION = Long.MAX_VALUE - 1;
    /** Cases this JVM holds: the OS lock alone cannot tell two openers in one process apart cleanly. */
    private static final Map<Path, Holder> HELD_HERE = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean exclusive;

    private CaseLock(Path file, FileChannel channel, FileLock lock, boolean exclusive) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.exclusive = exclusive;
    }

    /**
     * What a process that takes the write lock only to bring a case up to date for reading (see {@link
     * Cases#openForReading}) adds to its name in the lock file: a reader that finds it there waits for it to finish
     * instead of being refused, since it will hand the case back to readers within moments.
     */
    static final String REPAIRING = " to bring it up to date for reading";

    /** How long a reader waits for a {@link #REPAIRING} holder before it is refused like any reader kept out by a writer. */
    static final long REPAIR_WAIT_MILLIS = Long.getLong("tracehound.repairWaitMillis", 60_000);

    static CaseLock acquire(Path file) {
        return acquire(file, "");
    }

    /** The write lock, refused with who holds the case; {@code purpose} is added to the holder's name in the lock file. */
    static CaseLock acquire(Path file, String purpose) {
        return take(file, purpose, true);
    }

    /**
     * The write lock when no one else holds the case, else null (nothing is thrown, nothing is left behind); {@code
     * purpose} is added to the holder's name in the lock file.
     */
    static CaseLock tryAcquire(Path file, String purpose) {
        return take(file, purpose, false);
    }

    private static CaseLock take(Path file, String purpose, boolean refuse) {
        Path key = file.toAbsolutePath().normalize();
        String holder = holderDescription() + purpose;
        Holder previous = HELD_HERE.putIfAbsent(key, new Holder(holder, false));
        if (previous != null) {
            if (!refuse) return null;
            throw previous.refuse(key, true);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock(LOCK_POSITION, 1, false);
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                boolean readers = heldByReaders(channel);
                channel.close();
                if (!refuse) {
                    HELD_HERE.remove(key);
                    return null;
                }
                throw readers ? openForReading(key, "another program", true) : openForWriting(key, readHolder(key));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new CaseLock(key, channel, lock, true);
        } catch (IOException e) {
            HELD_HERE.remove(key);
            closeQuietly(channel);
            throw new CaseException("Cannot take the lock " + key + ": " + e.getMessage()
                    + ". Check that the case folder is writable.", e);
        } catch (RuntimeException e) {
            HELD_HERE.remove(key);
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * The lock of a case opened read-only: a shared OS lock on the existing lock file, opened for reading only, so a
     * writer cannot open the case meanwhile. It writes nothing. Where the lock file is missing or cannot be locked
     * for reading (some network file systems), the case is read without an OS lock: a reader changes nothing. Within
     * this program a case is still open only once (two openers would share and close one database). A writer that
     * holds the case only to bring it up to date for readers ({@link #REPAIRING}) is waited for, up to {@link
     * #REPAIR_WAIT_MILLIS}.
     */
    static CaseLock acquireForReading(Path file) {
        Path key = file.toAbsolutePath().normalize();
        Holder previous = HELD_HERE.putIfAbsent(key, new Holder(holderDescription(), true));
        if (previous != null) throw previous.refuse(key, false);
        FileChannel channel = null;
        try {
            if (!Files.isRegularFile(key)) return new CaseLock(key, null, null, false);
            channel = FileChannel.open(key, StandardOpenOption.READ);
            long waitUntil = System.nanoTime() + REPAIR_WAIT_MILLIS * 1_000_000;
            boolean lookedAgain = false;
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock(LOCK_POSITION, 1, true);
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock != null) return new CaseLock(key, channel, lock, false);
                // a shared lock is refused only by a writer's; one bringing the case up to date for readers is waited for
                String holder = readHolder(key);
                // a writer names itself just after it takes the lock: a nameless one is looked at once more
                boolean nameless = holder.equals("another program") && !lookedAgain;
                lookedAgain |= nameless;
                if (!nameless && (!holder.endsWith(REPAIRING) || System.nanoTime() - waitUntil > 0)) {
                    closeQuietly(channel);
                    throw openForWriting(key, holder);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closeQuietly(channel);
                    throw openForWriting(key, holder);
                }
            }
        } catch (IOException e) {
            closeQuietly(channel);
            return new CaseLock(key, null, null, false);
        } catch (RuntimeException e) {
            HELD_HERE.remove(key);
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * Whether the lock a writer was refused is held only by readers: then it is shared, and a shared lock is granted.
     * The probe is released at once; it never keeps anyone out. When it cannot tell, the holder is taken for a writer.
     */
    private static boolean heldByReaders(FileChannel channel) {
        try (FileLock probe = channel.tryLock(LOCK_POSITION, 1, true)) {
            return probe != null;
        } catch (IOException | OverlappingFileLockException e) {
            return false;
        }
    }

    private static CaseException openForWriting(Path file, String holder) {
        return new CaseException("The case is already open for writing by " + holder + ". Close it there first"
                + releasedWhen(file) + ".");
    }

    /** A writer is also told how to read the case meanwhile: a read-only open writes nothing, so a copy reads the same. */
    private static CaseException openForReading(Path file, String holder, boolean toWrite) {
        if (toWrite) {
            // readers share the lock and leave no name: all there is to say is that reading programs have it
            String who = holder.equals("another program")
                    ? holder + " (a search, timeline or other reading command, or a program reading a read-only case)" : holder;
            return new CaseException("The case is open for reading by " + who + ", and a case is changed only while no other program has"
                    + " it open. Wait for the reading to end, then run this again" + releasedWhen(file) + ".");
        }
        return new CaseException("The case is open for reading by " + holder + ". Close it there first" + releasedWhen(file) + ".");
    }

    private static String releasedWhen(Path file) {
        return " (the lock is " + file + "; it is released automatically when that program exits)";
    }

    private static String readHolder(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? "another program" : s;
        } catch (IOException e) {
            return "another program";
        }
    }

    static String holderDescription() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        long pid = ProcessHandle.current().pid();
        String user = System.getProperty("user.name", "unknown");
        return "pid " + pid + " on " + host + " (user " + user + ", since " + Instant.now() + ")";
    }

    /** Who holds a case in this JVM, and whether for reading only. */
    private record Holder(String who, boolean reading) {
        CaseException refuse(Path file, boolean toWrite) {
            String here = who + " (this same program)";
            return reading ? openForReading(file, here, toWrite) : openForWriting(file, here);
        }
    }

    @Override
    public void close() {
        try {
            if (lock != null && lock.isValid()) {
                if (exclusive) channel.truncate(0);
                lock.release();
            }
        } catch (IOException ignored) {
            // The OS releases the lock with the channel anyway.
        } finally {
            closeQuietly(channel);
            HELD_HERE.remove(file);
        }
    }

    private static void closeQuietly(FileChannel c) {
        if (c == null) return;
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing to do: closing releases the lock
        }
    }
}
