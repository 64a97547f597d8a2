package dev.tracehound.timeline.audit;

import dev.tracehound.timeline.store.CaseException;
import dev.tracehound.timeline.store.H2Database;
import dev.tracehound.timeline.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The audit log in the case database, hash-chained, with its head mirrored to {@code audit.head}. An append first
 * checks that the log still ends where the head file says: after the database was rolled back to an older copy, or
 * the head file deleted or damaged, writing on would overwrite the only record that entries were lost, so nothing is
 * written until a person resolves it ({@code tracehound verify} names the problem).
 */
public final class H2AuditLog implements AuditLog {
    private final H2Database db;
    private final Path headFile;

    public H2AuditLog(H2Database db, Path headFile) {
        this.db = db;
        this.headFile = headFile;
    }

    @Override
    public synchronized AuditEntry append(String actor, String action, String details) {
        String safeActor = actor == null || actor.isBlank() ? "unknown" : actor;
        String safeDetails = bounded(details == null ? "" : details);
        String time = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
        AuditEntry entry = db.inTransaction("append to the audit log", c -> {
            Last last = last(c);
            long seq = last.seq + 1;
            String prev = last.hash;
            String mismatch = mismatch(last.seq, last.hash, true);
            if (mismatch != null) throw new CaseException(refusal(mismatch));
            String hash = AuditChain.hash(prev, seq, time, safeActor, action, safeDetails);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit VALUES (?,?,?,?,?,?,?)")) {
                ps.setLong(1, seq);
                ps.setString(2, time);
                ps.setString(3, safeActor);
                ps.setString(4, action);
                ps.setString(5, safeDetails);
                ps.setString(6, prev);
                ps.setString(7, hash);
                ps.executeUpdate();
            }
            try {
                new AuditHead(seq, hash).writePending(headFile);
            } catch (IOException e) {
                throw new StoreException("Cannot record the audit head in " + headFile, e);
            }
            return new AuditEntry(seq, Instant.parse(time), safeActor, action, safeDetails, prev, hash);
        });
        try {
            AuditHead.commitPending(headFile);
        } catch (IOException e) {
            throw new StoreException("Cannot record the audit head in " + headFile, e);
        }
        return entry;
    }

    /** Longest details kept whole; the column holds 100,000 characters. */
    static final int MAX_DETAILS = 20_000;

    /**
     * Details too long for an entry (a pasted 100 KB note) are kept as their SHA-256, length and beginning, so the
     * entry still proves exactly what was recorded elsewhere in the case; before this, such an append failed after
     * the change it describes had been stored, leaving that change unaudited.
     */
    static String bounded(String details) {
        if (details.length() <= MAX_DETAILS) return details;
        String sha = dev.tracehound.timeline.evidence.Hashing.sha256Hex(details.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "{\"detailsSha256\":\"" + sha + "\",\"detailsLength\":" + details.length() + ",\"detailsStart\":"
                + dev.tracehound.timeline.store.Json.quote(details.substring(0, Character.isHighSurrogate(details.charAt(3_999)) ? 3_999 : 4_000)) + "}";
    }

    /**
     * Why the log's last entry is not the one the head file names, or null when it is. A pending head naming the last
     * entry means a process died between committing it and moving its head into place; with {@code finish} the move
     * is finished here. A pending head naming anything else is an append that never committed.
     */
    private String mismatch(long lastSeq, String lastHash, boolean finish) {
        Optional<AuditHead> head;
        try {
            head = AuditHead.read(headFile);
        } catch (IOException e) {
            return "the head file " + headFile.getFileName() + " is unreadable (" + e.getMessage() + ")";
        }
        try {
            Optional<AuditHead> pending = AuditHead.read(AuditHead.pending(headFile));
            if (pending.isPresent() && pending.get().names(lastSeq, lastHash)) {
                if (finish) AuditHead.commitPending(headFile);
                return null;
            }
            if (finish) java.nio.file.Files.deleteIfExists(AuditHead.pending(headFile));
        } catch (IOException e) {
            // an unreadable leftover of an append that never committed: the head file decides
        }
        if (head.isEmpty()) {
            return lastSeq == 0 ? null : "the head file " + headFile.getFileName() + " is missing, but the log has " + lastSeq + " entries";
        }
        if (head.get().names(lastSeq, lastHash)) return null;
        if (head.get().seq() > lastSeq) {
            return "the log ends at entry " + lastSeq + " but " + headFile.getFileName() + " records entry " + head.get().seq()
                    + " (entries lost, or the database replaced by an older copy?)";
        }
        return "the log's entry " + lastSeq + " is not the one " + headFile.getFileName() + " records (entry " + head.get().seq()
                + "): entries appended or replaced outside Tracehound, or the head file replaced";
    }

    /** What a user is told when writes are refused because of {@code problem}. */
    public static String refusal(String problem) {
        return "The case's audit log does not match its head file: " + problem + ". Tracehound writes nothing to this case"
                + " until that is resolved (restore the right database or head file); `tracehound verify` lists the problems."
                + " Reading the case still works.";
    }

    @Override
    public Optional<String> headProblem() {
        Last last = db.read("read the audit log's last entry", H2AuditLog::last);
        return Optional.ofNullable(mismatch(last.seq, last.hash, false)); // reading changes nothing in the folder
    }

    /** The log's last entry: sequence 0 and the genesis hash for an empty log. */
    private record Last(long seq, String hash) {}

    private static Last last(java.sql.Connection c) throws java.sql.SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")) {
            return rs.next() ? new Last(rs.getLong(1), rs.getString(2)) : new Last(0, AuditChain.GENESIS);
        }
    }

    @Override
    public List<AuditEntry> entries() {
        List<AuditEntry> all = new ArrayList<>();
        forEach(all::add);
        return all;
    }

    /** Streams entries in sequence order; {@code time} is kept as stored text so verification hashes exactly that. */
    public void forEachRaw(Consumer<RawEntry> action) {
        db.read("read the audit log", c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT seq, time, actor, action, details, prev_hash, hash FROM audit ORDER BY seq")) {
                while (rs.next()) {
                    action.accept(new RawEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
            return null;
        });
    }

    public void forEach(Consumer<AuditEntry> action) {
        forEachRaw(r -> action.accept(new AuditEntry(r.seq(), parseTime(r.time()), r.actor(), r.action(), r.details(), r.prevHash(), r.hash())));
    }

    private static Instant parseTime(String t) {
        try {
            return Instant.parse(t);
        } catch (RuntimeException e) {
            return Instant.EPOCH; // an edited time still shows; verify reports the broken hash
        }
    }

    public Path headFile() {
        return headFile;
    }

    /** An entry exactly as stored. */
    public record RawEntry(long seq, String time, String actor, String action, String details, String prevHash, String hash) {
        String recomputedHash() {
            return AuditChain.hash(prevHash, seq, time, actor, action, details);
        }
    }
}
