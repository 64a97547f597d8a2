package dev.tracehound.timeline.annotate;

import dev.tracehound.timeline.audit.AuditLog;
import dev.tracehound.timeline.store.H2Database;
import dev.tracehound.timeline.store.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Stars, tags and notes as rows of the {@code annotations} table; every change is audited. */
public final class H2AnnotationStore implements AnnotationStore {
    private final H2Database db;
    private final AuditLog audit;

    public H2AnnotationStore(H2Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    @Override
    public void star(String targetId, boolean starred, String actor) {
        change(targetId, "star", "", starred, actor);
        audit.append(actor, starred ? "annotation.star" : "annotation.unstar", "{\"target\":" + Json.quote(targetId) + "}");
    }

    @Override
    public void tag(String targetId, String tag, String actor) {
        String t = tag.strip();
        if (t.isEmpty()) throw new IllegalArgumentException("A tag cannot be empty");
        change(targetId, "tag", t, true, actor);
        audit.append(actor, "annotation.tag", "{\"target\":" + Json.quote(targetId) + ",\"tag\":" + Json.quote(t) + "}");
    }

    @Override
    public void untag(String targetId, String tag, String actor) {
        change(targetId, "tag", tag.strip(), false, actor);
        audit.append(actor, "annotation.untag", "{\"target\":" + Json.quote(targetId) + ",\"tag\":" + Json.quote(tag.strip()) + "}");
    }

    @Override
    public void note(String targetId, String text, String actor) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("A note cannot be empty");
        db.inTransaction("add a note", c -> insert(c, targetId, "note", text, actor));
        audit.append(actor, "annotation.note", "{\"target\":" + Json.quote(targetId) + ",\"chars\":" + text.length() + "}");
    }

    /** Sets ({@code present}) or removes one star or tag, leaving at most one row for it. */
    private void change(String targetId, String type, String value, boolean present, String actor) {
        db.inTransaction("change an annotation", c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM annotations WHERE target_id = ? AND type = ? AND val = ?")) {
                del.setString(1, targetId);
                del.setString(2, type);
                del.setString(3, value);
                del.executeUpdate();
            }
            return present ? insert(c, targetId, type, value, actor) : 0;
        });
    }

    private static int insert(java.sql.Connection c, String targetId, String type, String value, String actor) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO annotations (target_id, type, val, actor, time) VALUES (?,?,?,?,?)")) {
            ps.setString(1, targetId);
            ps.setString(2, type);
            ps.setString(3, value);
            ps.setString(4, actor == null ? "unknown" : actor);
            ps.setString(5, Instant.now().toString());
            return ps.executeUpdate();
        }
    }

    @Override
    public Annotations of(String targetId) {
        List<Annotations> one = load("WHERE target_id = ?", targetId);
        return one.isEmpty() ? new Annotations(targetId, false, Set.of(), List.of()) : one.getFirst();
    }

    @Override
    public List<Annotations> all() {
        return load("", null);
    }

    private List<Annotations> load(String where, String param) {
        return db.read("read annotations", c -> {
            Map<String, Builder> byTarget = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT target_id, type, val FROM annotations " + where + " ORDER BY ord")) {
                if (param != null) ps.setString(1, param);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Builder b = byTarget.computeIfAbsent(rs.getString(1), k -> new Builder());
                        switch (rs.getString(2)) {
                            case "star" -> b.starred = true;
                            case "tag" -> b.tags.add(rs.getString(3));
                            default -> b.notes.add(rs.getString(3));
                        }
                    }
                }
            }
            List<Annotations> out = new ArrayList<>();
            byTarget.forEach((id, b) -> out.add(new Annotations(id, b.starred, Set.copyOf(b.tags), List.copyOf(b.notes))));
            return out;
        });
    }

    private static final class Builder {
        boolean starred;
        final Set<String> tags = new LinkedHashSet<>();
        final List<String> notes = new ArrayList<>();
    }
}
