package dev.tracehound.timeline.artifacts;

import dev.tracehound.timeline.audit.AuditLog;
import dev.tracehound.timeline.evidence.Hashing;
import dev.tracehound.timeline.store.H2Database;
import dev.tracehound.timeline.store.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Artefacts as BLOBs keyed by their SHA-256; adding the same bytes again returns the existing record. */
public final class H2ArtifactStore implements ArtifactStore {
    private final H2Database db;
    private final AuditLog audit;

    public H2ArtifactStore(H2Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    @Override
    public ArtifactRecord add(String kind, byte[] content, String metaJson, String actor) {
        String sha = Hashing.sha256Hex(content);
        Optional<ArtifactRecord> known = get(sha);
        if (known.isPresent()) return known.get();
        ArtifactRecord record = new ArtifactRecord(sha, kind, content.length, metaJson, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        db.inTransaction("store an artefact", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO artifacts (sha256, kind, size, meta, created, content) VALUES (?,?,?,?,?,?)")) {
                ps.setString(1, sha);
                ps.setString(2, kind);
                ps.setLong(3, content.length);
                ps.setString(4, metaJson);
                ps.setString(5, record.created().toString());
                ps.setBytes(6, content);
                return ps.executeUpdate();
            }
        });
        audit.append(actor, "artifact.add", "{\"sha256\":\"" + sha + "\",\"kind\":" + Json.quote(kind) + ",\"size\":" + content.length + "}");
        return record;
    }

    private Optional<ArtifactRecord> get(String sha) {
        List<ArtifactRecord> one = list("WHERE sha256 = ?", sha);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.getFirst());
    }

    @Override
    public Optional<byte[]> content(String sha256) {
        return db.read("read an artefact", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT content FROM artifacts WHERE sha256 = ?")) {
                ps.setString(1, sha256);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    @Override
    public List<ArtifactRecord> list(String kind) {
        return kind == null ? list("", null) : list("WHERE kind = ?", kind);
    }

    private List<ArtifactRecord> list(String where, String param) {
        return db.read("list artefacts", c -> {
            List<ArtifactRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT sha256, kind, size, meta, created FROM artifacts " + where + " ORDER BY created, sha256")) {
                if (param != null) ps.setString(1, param);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new ArtifactRecord(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), Instant.parse(rs.getString(5))));
                }
            }
            return out;
        });
    }
}
