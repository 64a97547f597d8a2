package dev.tracehound.timeline.audit;

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
import java.util.function.Consumer;

/** The audit log in the case database, hash-chained, with its head mirrored to {@code audit.head}. */
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
        String safeDetails = details == null ? "" : details;
        String time = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
        AuditEntry entry = db.inTransaction("append to the audit log", c -> {
            long seq = 1;
            String prev = AuditChain.GENESIS;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")) {
                if (rs.next()) {
                    seq = rs.getLong(1) + 1;
                    prev = rs.getString(2);
                }
            }
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
            return new AuditEntry(seq, Instant.parse(time), safeActor, action, safeDetails, prev, hash);
        });
        try {
            new AuditHead(entry.seq(), entry.hash()).write(headFile);
        } catch (IOException e) {
            throw new StoreException("Cannot record the audit head in " + headFile, e);
        }
        return entry;
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
