package dev.tracehound.timeline.evidence;

import dev.tracehound.timeline.audit.Actors;
import dev.tracehound.timeline.audit.AuditLog;
import dev.tracehound.timeline.store.H2Database;
import dev.tracehound.timeline.store.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Evidence files under {@code evidence/<sha256>}, read-only, with their records in the case database. */
public final class LocalEvidenceStore implements EvidenceStore {
    private static final String COLUMNS = "sha256, size, original_path, format, imported_at, status";

    private final Path dir;
    private final H2Database db;
    private final AuditLog audit;

    public LocalEvidenceStore(Path dir, H2Database db, AuditLog audit) {
        this.dir = dir;
        this.db = db;
        this.audit = audit;
    }

    @Override
    public synchronized EvidenceRecord add(Path file, String format) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "not a readable file");
        db.ensureWritable(); // before a byte lands in the evidence folder
        Path tmp = Files.createTempFile(dir, ".incoming-", ".tmp");
        String sha;
        long size = 0;
        try {
            MessageDigest md = Hashing.sha256();
            byte[] buf = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file); OutputStream out = Files.newOutputStream(tmp)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                    out.write(buf, 0, n);
                    size += n;
                }
            }
            sha = Hashing.hex(md.digest());
            Optional<EvidenceRecord> known = get(sha);
            if (known.isPresent() && Files.exists(stored(sha))) return known.get();
            Path target = stored(sha);
            if (!Files.exists(target)) {
                try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                    ch.force(true); // the copy is on disk before its name says it is evidence
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    // same content arrived meanwhile: keep the one already there
                }
            }
            makeReadOnly(target);
            if (known.isPresent()) return known.get();
        } finally {
            Files.deleteIfExists(tmp);
        }
        EvidenceRecord record = new EvidenceRecord(sha, size, file.toAbsolutePath().normalize().toString(), format,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), stored(sha), "IMPORTING");
        db.inTransaction("record evidence " + sha, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO evidence (" + COLUMNS + ") VALUES (?,?,?,?,?,?)")) {
                ps.setString(1, record.sha256());
                ps.setLong(2, record.size());
                ps.setString(3, record.originalPath());
                ps.setString(4, record.format());
                ps.setString(5, record.importedAt().toString());
                ps.setString(6, record.status());
                return ps.executeUpdate();
            }
        });
        audit.append(Actors.current(), "evidence.add", "{\"sha256\":\"" + sha + "\",\"size\":" + size + ",\"originalPath\":"
                + Json.quote(record.originalPath()) + ",\"format\":" + Json.quote(format) + "}");
        return record;
    }

    private static void makeReadOnly(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("r--r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the read-only attribute below is what there is
        }
        if (!p.toFile().setWritable(false, false)) throw new IOException("cannot make " + p + " read-only");
    }

    public Path stored(String sha) {
        return dir.resolve(sha);
    }

    public Path dir() {
        return dir;
    }

    @Override
    public Optional<EvidenceRecord> get(String sha256) {
        return db.read("read evidence " + sha256, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM evidence WHERE sha256 = ?")) {
                ps.setString(1, sha256);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.<EvidenceRecord>empty();
                }
            }
        });
    }

    @Override
    public List<EvidenceRecord> list() {
        return db.read("list evidence", c -> {
            List<EvidenceRecord> all = new ArrayList<>();
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM evidence ORDER BY imported_at, sha256")) {
                while (rs.next()) all.add(row(rs));
            }
            return all;
        });
    }

    @Override
    public Map<String, Long> quarantinedRecords() {
        return db.read("count quarantined records", c -> {
            Map<String, Long> counts = new HashMap<>();
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT evidence_sha, COUNT(*) FROM quarantine GROUP BY evidence_sha")) {
                while (rs.next()) counts.put(rs.getString(1), rs.getLong(2));
            }
            return counts;
        });
    }

    @Override
    public List<QuarantinedRecord> quarantined(String sha256, int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit must not be negative: " + limit);
        return db.read("read quarantined records of " + sha256, c -> {
            List<QuarantinedRecord> rows = new ArrayList<>();
            // ord is the identity column: the order the rows were written, which is the order the import read the records
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT evidence_sha, locator, reason, excerpt FROM quarantine WHERE evidence_sha = ? ORDER BY ord LIMIT ?")) {
                ps.setString(1, sha256);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String excerpt = rs.getString(4);
                        rows.add(new QuarantinedRecord(rs.getString(1), rs.getString(2), rs.getString(3), excerpt == null ? "" : excerpt));
                    }
                }
            }
            return rows;
        });
    }

    /**
     * Starts an import: marks the evidence IMPORTING and, unless it was complete, records {@code format} and deletes the
     * quarantine rows an earlier, unfinished run left (a wrong --format quarantines every record; those rows say
     * nothing about the file once the right format reads it, and the re-run quarantines again what it must).
     * Returns how many rows were removed; the caller audits it.
     */
    public int beginImport(String sha256, String format) {
        return db.inTransaction("start importing " + sha256, c -> {
            int cleared;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM quarantine WHERE evidence_sha = ? "
                    + "AND EXISTS (SELECT 1 FROM evidence WHERE sha256 = ? AND status <> 'COMPLETE')")) {
                ps.setString(1, sha256);
                ps.setString(2, sha256);
                cleared = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE evidence SET format = CASE WHEN status = 'COMPLETE' THEN format "
                    + "ELSE COALESCE(?, format) END, status = 'IMPORTING' WHERE sha256 = ?")) {
                ps.setString(1, format);
                ps.setString(2, sha256);
                if (ps.executeUpdate() == 0) throw new IllegalArgumentException("No evidence " + sha256 + " in this case; add the file first");
            }
            return cleared;
        });
    }

    /** Sets IMPORTING or COMPLETE; the import audits the change together with its counts. */
    public void setStatus(String sha256, String status) {
        db.inTransaction("mark evidence " + status, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE evidence SET status = ? WHERE sha256 = ?")) {
                ps.setString(1, status);
                ps.setString(2, sha256);
                if (ps.executeUpdate() == 0) throw new IllegalArgumentException("No evidence " + sha256 + " in this case; add the file first");
                return null;
            }
        });
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        if (!sha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        return Files.newInputStream(stored(sha256));
    }

    private EvidenceRecord row(ResultSet rs) throws java.sql.SQLException {
        String sha = rs.getString(1);
        return new EvidenceRecord(sha, rs.getLong(2), rs.getString(3), rs.getString(4), Instant.parse(rs.getString(5)), stored(sha), rs.getString(6));
    }
}
