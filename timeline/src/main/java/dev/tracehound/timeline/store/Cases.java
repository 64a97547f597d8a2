package dev.tracehound.timeline.store;

import dev.tracehound.timeline.audit.Actors;
import dev.tracehound.timeline.search.LuceneIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.stream.Stream;

/** Creates and opens cases stored locally (H2 file database + Lucene index in the case folder). */
public final class Cases {
    private Cases() {}

    /**
     * Whether the search index failed to open because its files are damaged (truncated, overwritten, missing a
     * segment), not because of the disk or permissions: only then is it set aside and rebuilt.
     */
    private static boolean damaged(StoreException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof org.apache.lucene.index.CorruptIndexException || t instanceof org.apache.lucene.index.IndexFormatTooOldException
                    || t instanceof org.apache.lucene.index.IndexFormatTooNewException || t instanceof java.io.EOFException
                    || t instanceof java.nio.file.NoSuchFileException || t instanceof java.io.FileNotFoundException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves a damaged search index out of the way (kept, never deleted: someone may want to look at it) and returns
     * the audit details. The index holds nothing the database does not, so the case is whole again once rebuilt.
     */
    private static String setAside(CaseFolder folder, StoreException e) throws IOException {
        String stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "");
        Path aside = folder.dir().resolve("index.damaged-" + stamp);
        Files.move(folder.index(), aside);
        Files.createDirectories(folder.index());
        Throwable root = e.getCause() == null ? e : e.getCause();
        return "{\"reason\":" + Json.quote(root.getClass().getSimpleName() + ": " + root.getMessage()) + ",\"damagedCopy\":"
                + Json.quote(aside.getFileName().toString()) + "}";
    }

    /**
     * Refuses a database file that is not one, before H2 sees it: given an empty file H2 would start a new database in
     * it (changing the damaged case) and then fail with a raw SQL error.
     */
    private static void requireH2File(Path file) {
        byte[] start = new byte[4];
        int n;
        try (var in = Files.newInputStream(file)) {
            n = in.readNBytes(start, 0, 4);
        } catch (IOException e) {
            throw new CaseException("Cannot read the case database " + file + ": " + e.getMessage(), e);
        }
        if (n < 4 || !new String(start, java.nio.charset.StandardCharsets.US_ASCII).equals("H:2,")) {
            throw new CaseException("The case database " + file + (n == 0 ? " is empty" : " is not an H2 database (it does not start with its header)")
                    + ": it is damaged. Restore it from a backup; the case was not changed.");
        }
    }

    /** Creates a new case in an empty or missing folder. */
    public static Case create(Path dir, String name) {
        if (name == null || name.isBlank()) throw new CaseException("A case needs a name.");
        CaseFolder folder = new CaseFolder(dir);
        if (Files.exists(folder.manifest())) {
            throw new CaseException(folder.dir() + " already holds a case; open it instead, or choose another folder.");
        }
        try {
            Files.createDirectories(folder.dir());
            if (!isEmpty(folder.dir())) {
                throw new CaseException(folder.dir() + " is not empty; a new case needs an empty or new folder so nothing else is mixed with its evidence.");
            }
        } catch (IOException e) {
            throw new CaseException("Cannot create the case folder " + folder.dir() + ": " + e.getMessage(), e);
        }
        CaseLock lock = CaseLock.acquire(folder.lockFile());
        try {
            for (Path p : new Path[] {folder.index(), folder.evidence(), folder.exports()}) Files.createDirectories(p);
            CaseInfo info = new CaseInfo(UUID.randomUUID().toString(), name.strip(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                    CaseSchema.toolVersion(), CaseSchema.VERSION);
            H2Database db = H2Database.open(folder.databaseBase(), true);
            LocalCase c = new LocalCase(folder, info, lock, db, LuceneIndex.open(folder.index(), LocalCase.INDEX_RAM_BUFFER_MB));
            // case.json last: a folder without it is not a case, so a failed create is never half-opened later
            CaseManifest.write(folder.manifest(), info);
            c.audit().append(Actors.current(), "case.create", "{\"caseId\":\"" + info.caseId() + "\",\"name\":" + Json.quote(info.name())
                    + ",\"schemaVersion\":" + info.schemaVersion() + "}");
            return c;
        } catch (IOException e) {
            lock.close();
            throw new CaseException("Cannot create the case in " + folder.dir() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Opens an existing case, checking its schema version and taking the write lock. */
    public static Case open(Path dir) {
        CaseFolder folder = new CaseFolder(dir);
        CaseInfo info = existing(folder);
        java.util.Optional<String> readOnly = ReadOnlyCase.why(folder);
        if (readOnly.isPresent()) return openReadOnly(folder, info, readOnly.get());
        return openWritable(folder, info, CaseLock.acquire(folder.lockFile()));
    }

    /**
     * Opens an existing case for a program that only reads it (search, sessions, timelines, findings, verify): under a
     * shared lock, so any number of readers share the case while none writes (a writer keeps them out and they keep it
     * out, each refused as with {@link #open}), writing nothing to the folder and refusing every change ({@link
     * Case#forReading}). A read-only case opens as {@link #open} opens it.
     *
     * <p>A case is read as it is only when that cannot give a wrong answer. One that needs what a writable open does
     * first (a schema upgrade; a search index that is missing, damaged, of an older layout or behind the database, or
     * session totals behind it, as a killed import leaves them) is opened for writing once, alone, which repairs it as
     * {@link #open} does (and audits what that audits), and then opened for reading. While it repairs, other readers
     * wait for it ({@link CaseLock#REPAIRING}). When others have the case open, so that it cannot be had alone, it is
     * read as a read-only case is: the index brought level in a temporary copy, session totals counted from the rows;
     * only a case too old to be read without its upgrade is then refused, saying who has it open.
     */
    public static Case openForReading(Path dir) {
        CaseFolder folder = new CaseFolder(dir);
        CaseInfo info = existing(folder);
        java.util.Optional<String> readOnly = ReadOnlyCase.why(folder);
        if (readOnly.isPresent()) return openReadOnly(folder, info, readOnly.get());
        Case asItIs = read(folder, info, null, true);
        if (asItIs != null) return asItIs;
        CaseLock lock = CaseLock.tryAcquire(folder.lockFile(), CaseLock.REPAIRING);
        if (lock == null && info.schemaVersion() < CaseSchema.OLDEST_READ_AS_IS) {
            try {
                lock = CaseLock.acquire(folder.lockFile(), CaseLock.REPAIRING); // free again meanwhile, or refused saying who has it
            } catch (CaseException e) {
                throw new CaseException("The case at " + folder.dir() + " has schema version " + info.schemaVersion() + ": this build"
                        + " reads it only after upgrading it, which needs the case alone, and another program has it open. " + e.getMessage(), e);
            }
        }
        if (lock != null) {
            openWritable(folder, info, lock).close(); // the repairs are made, committed and durable when it closes
            info = CaseManifest.read(folder.manifest()); // an upgrade rewrote it
            CaseSchema.check(folder.dir(), info.schemaVersion());
        }
        return read(folder, info, null, false);
    }

    /** The manifest of the case in this folder, after checking that the folder holds a case this build can open. */
    private static CaseInfo existing(CaseFolder folder) {
        if (Files.isRegularFile(folder.dir())) {
            throw new CaseException("There is no case at " + folder.dir() + ": it is a file; a case is a folder holding case.json"
                    + " (create one with `tracehound case create DIR`).");
        }
        if (!Files.isDirectory(folder.dir())) {
            throw new CaseException("There is no case at " + folder.dir() + ": the folder does not exist. Check the path.");
        }
        CaseInfo info = CaseManifest.read(folder.manifest());
        CaseSchema.check(folder.dir(), info.schemaVersion());
        if (!Files.isRegularFile(folder.databaseFile())) {
            throw new CaseException("The case at " + folder.dir() + " has no database (case.mv.db is missing). Restore it from a backup.");
        }
        requireH2File(folder.databaseFile());
        return info;
    }

    /**
     * Opens a writable case under the write lock already taken: upgrades an older schema, sets a damaged index aside,
     * and brings the index and session totals level with the database. The lock is released when the open fails.
     */
    private static Case openWritable(CaseFolder folder, CaseInfo info, CaseLock lock) {
        H2Database db = null;
        try {
            db = H2Database.open(folder.databaseBase(), false);
            int manifestVersion = info.schemaVersion();
            boolean upgrade = manifestVersion < CaseSchema.VERSION;
            int databaseWasAt = upgrade ? SchemaUpgrade.run(db) : CaseSchema.VERSION;
            if (upgrade && db.storedSchemaVersion() == CaseSchema.VERSION) {
                info = new CaseInfo(info.caseId(), info.name(), info.created(), info.toolVersion(), CaseSchema.VERSION);
                CaseManifest.write(folder.manifest(), info);
            }
            int dbVersion = db.storedSchemaVersion();
            if (dbVersion != info.schemaVersion()) {
                throw new CaseException("The case at " + folder.dir() + " is inconsistent: case.json says schema version " + info.schemaVersion()
                        + " but the database has version " + dbVersion + ". Restore both from the same backup.");
            }
            Files.createDirectories(folder.index());
            String setAside = null;
            LuceneIndex index;
            try {
                index = LuceneIndex.open(folder.index(), LocalCase.INDEX_RAM_BUFFER_MB);
            } catch (StoreException e) {
                if (!damaged(e)) throw e;
                setAside = setAside(folder, e);
                index = LuceneIndex.open(folder.index(), LocalCase.INDEX_RAM_BUFFER_MB); // empty: every row is indexed again below
            }
            try {
                LocalCase c = new LocalCase(folder, info, lock, db, index);
                if (upgrade) {
                    c.audit().append(Actors.current(), "case.upgrade", "{\"fromSchemaVersion\":" + manifestVersion
                            + ",\"databaseWasAt\":" + databaseWasAt + ",\"toSchemaVersion\":" + CaseSchema.VERSION + "}");
                }
                if (setAside != null && c.audit().headProblem().isEmpty()) {
                    c.audit().append(Actors.current(), "index.rebuild", setAside);
                }
                long counted = c.reconcileSessionStats();
                long reindexed = c.reconcileIndex();
                if ((counted > 0 || reindexed > 0) && c.audit().headProblem().isEmpty()) {
                    // an interrupted run left the index or the totals behind the database: what opening changed is on record
                    c.audit().append(Actors.current(), "case.catch-up", "{\"rowsCountedIntoSessionTotals\":" + counted
                            + ",\"rowsIndexedAgain\":" + reindexed + "}");
                }
                return c;
            } catch (RuntimeException e) {
                index.close(); // release the index's own write lock before giving up the case lock
                throw e;
            }
        } catch (IOException e) {
            if (db != null) db.close();
            lock.close();
            throw new CaseException("Cannot open the case in " + folder.dir() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (db != null) db.close();
            lock.close();
            throw e instanceof CaseException ? e : new CaseException("Cannot open the case in " + folder.dir() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a case that cannot be written (see {@link ReadOnlyCase}) without writing a byte to its folder: a shared
     * lock, the database opened read-only, the search index read as last committed. An index that is missing, damaged,
     * of an older layout or behind the database (the case was not closed cleanly) is not repaired in place: a copy is
     * brought level in a temporary folder, deleted on close. Session totals a killed import left behind are counted
     * from the rows as they are read. A case older than {@link CaseSchema#OLDEST_READ_AS_IS} needs an upgrade and
     * cannot be read.
     */
    private static Case openReadOnly(CaseFolder folder, CaseInfo info, String why) {
        if (info.schemaVersion() < CaseSchema.OLDEST_READ_AS_IS) {
            throw new CaseException("The case at " + folder.dir() + " has schema version " + info.schemaVersion() + "; this build reads"
                    + " versions " + CaseSchema.OLDEST_READ_AS_IS + " to " + CaseSchema.VERSION + " as they are and upgrades older cases when it opens them, which writes to the case, but it is"
                    + " read-only (" + why + "). " + ReadOnlyCase.copyAdvice(folder.dir()));
        }
        return read(folder, info, why, false);
    }

    /**
     * Opens a case for reading without writing a byte to its folder, as {@link #openReadOnly} describes; {@code why} is
     * why the case cannot be written, or null for a writable case only read ({@link #openForReading}). With {@code
     * asItIsOnly}, a case that reading as it is would not answer as a repaired one does (an older schema, an index not
     * level with the database, session totals behind it) or whose database does not open for reading is not opened:
     * null, with nothing held. Without, an index that is not level is brought level in a temporary copy.
     */
    private static Case read(CaseFolder folder, CaseInfo info, String why, boolean asItIsOnly) {
        if (asItIsOnly && info.schemaVersion() < CaseSchema.VERSION) return null;
        if (info.schemaVersion() < CaseSchema.OLDEST_READ_AS_IS) {
            // openForReading upgrades such a case first, or refuses it saying who has it open; this is only a guard
            throw new CaseException("The case at " + folder.dir() + " has schema version " + info.schemaVersion() + "; this build reads it"
                    + " only after upgrading it, which writes to the case and needs it alone: close the other programs that have it open,"
                    + " then try again.");
        }
        String reading = why == null ? " for reading" : " (read-only: " + why + ")";
        CaseLock lock = CaseLock.acquireForReading(folder.lockFile());
        H2Database db = null;
        LuceneIndex index = null;
        Path scratch = null;
        try {
            try {
                db = H2Database.open(folder.databaseBase(), false, true);
            } catch (CaseException e) {
                if (!asItIsOnly) throw e;
                lock.close();
                return null; // a writable open says what is wrong, or repairs it
            }
            int dbVersion = db.storedSchemaVersion();
            if (dbVersion != info.schemaVersion()) {
                throw new CaseException("The case at " + folder.dir() + " is inconsistent: case.json says schema version " + info.schemaVersion()
                        + " but the database has version " + dbVersion + ". Restore both from the same backup.");
            }
            long maxSeq = db.read("read the ingest sequence", c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COALESCE(MAX(ingest_seq), 0) FROM events")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            index = committedIndex(folder.index(), maxSeq);
            if (asItIsOnly && (index == null || db.read("read the session totals' sequence", SessionStats::foldedUpTo) < maxSeq)) {
                if (index != null) index.close();
                db.close();
                lock.close();
                return null;
            }
            if (index == null) {
                scratch = Files.createTempDirectory("tracehound-index-");
                index = scratchIndex(folder.index(), scratch);
            }
            LocalCase c = new LocalCase(folder, info, lock, db, index, true, why, scratch);
            if (scratch != null) c.reconcileIndex();
            return c;
        } catch (IOException | RuntimeException e) {
            if (index != null) index.close();
            if (db != null) db.close();
            lock.close();
            if (scratch != null) LocalCase.deleteScratch(scratch);
            if (e instanceof CaseException ce) throw ce;
            throw new CaseException("Cannot open the case in " + folder.dir() + reading + ": " + e.getMessage(), e);
        }
    }

    /** The case's own index opened for reading, when it is there, readable, current and level with the database; else null. */
    private static LuceneIndex committedIndex(Path dir, long maxSeq) {
        if (!Files.isDirectory(dir)) return null;
        LuceneIndex index;
        try {
            index = LuceneIndex.openReadOnly(dir);
        } catch (StoreException e) {
            return null;
        }
        try {
            if (!index.outdatedLayout() && index.watermark() == maxSeq) return index;
        } catch (RuntimeException e) {
            // unreadable commit data: rebuilt outside the case below
        }
        index.close();
        return null;
    }

    /**
     * A writable copy of the index in {@code scratch}, to be brought level with the database: the case's index files
     * when they can be read and opened, else an empty index that the database fills again.
     */
    private static LuceneIndex scratchIndex(Path caseIndex, Path scratch) throws IOException {
        if (Files.isDirectory(caseIndex)) {
            try (Stream<Path> files = Files.list(caseIndex)) {
                for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                    Files.copy(f, scratch.resolve(f.getFileName()));
                }
            } catch (IOException e) {
                LocalCase.deleteScratch(scratch);
                Files.createDirectories(scratch);
            }
        }
        try {
            return LuceneIndex.open(scratch, LocalCase.INDEX_RAM_BUFFER_MB);
        } catch (StoreException e) {
            LocalCase.deleteScratch(scratch);
            Files.createDirectories(scratch);
            return LuceneIndex.open(scratch, LocalCase.INDEX_RAM_BUFFER_MB); // empty: every row is indexed again
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
