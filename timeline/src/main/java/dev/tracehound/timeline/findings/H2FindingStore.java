package dev.tracehound.timeline.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehound.timeline.audit.Actors;
import dev.tracehound.timeline.audit.AuditLog;
import dev.tracehound.timeline.store.H2Database;
import dev.tracehound.timeline.store.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Findings in the case database; re-saving keeps the investigator's verdict. */
public final class H2FindingStore implements FindingStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, detector, severity, atlas, owasp, session_id, event_ids, explanation, status, source_event_id, sink_event_id, created";

    /** Bounds of one finding-retired audit entry (the audit details column holds 100,000 characters). */
    private static final int MAX_AUDITED_EVENTS = 200;
    private static final int MAX_AUDITED_EXPLANATION = 20_000;

    private final H2Database db;
    private final AuditLog audit;

    public H2FindingStore(H2Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    @Override
    public void save(List<Finding> findings) {
        if (findings.isEmpty()) return;
        int[] counts = db.inTransaction("save findings", c -> {
            int added = 0;
            int updated = 0;
            try (PreparedStatement up = c.prepareStatement("UPDATE findings SET detector=?, severity=?, atlas=?, owasp=?, session_id=?, "
                    + "event_ids=?, explanation=?, source_event_id=?, sink_event_id=? WHERE id=?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO findings (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (Finding f : findings) {
                    int i = 1;
                    up.setString(i++, f.detector());
                    up.setString(i++, f.severity().name());
                    up.setString(i++, json(f.atlas()));
                    up.setString(i++, json(f.owasp()));
                    up.setString(i++, f.sessionId());
                    up.setString(i++, json(f.eventIds()));
                    up.setString(i++, f.explanation());
                    up.setString(i++, f.sourceEventId());
                    up.setString(i++, f.sinkEventId());
                    up.setString(i, f.id());
                    if (up.executeUpdate() > 0) {
                        updated++;
                        continue;
                    }
                    i = 1;
                    ins.setString(i++, f.id());
                    ins.setString(i++, f.detector());
                    ins.setString(i++, f.severity().name());
                    ins.setString(i++, json(f.atlas()));
                    ins.setString(i++, json(f.owasp()));
                    ins.setString(i++, f.sessionId());
                    ins.setString(i++, json(f.eventIds()));
                    ins.setString(i++, f.explanation());
                    ins.setString(i++, f.status().name());
                    ins.setString(i++, f.sourceEventId());
                    ins.setString(i++, f.sinkEventId());
                    ins.setString(i, (f.created() == null ? Instant.now() : f.created()).toString());
                    ins.executeUpdate();
                    added++;
                }
            }
            return new int[] {added, updated};
        });
        audit.append(Actors.current(), "findings.save", "{\"added\":" + counts[0] + ",\"updated\":" + counts[1] + "}");
    }

    @Override
    public List<Finding> list() {
        return query("SELECT " + COLUMNS + " FROM findings ORDER BY created, id", null);
    }

    @Override
    public Optional<Finding> get(String id) {
        List<Finding> one = query("SELECT " + COLUMNS + " FROM findings WHERE id = ?", id);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.getFirst());
    }

    @Override
    public Finding setStatus(String id, FindingStatus status, String actor, String note) {
        Finding before = get(id).orElseThrow(() -> new NoSuchElementException("No finding " + id + " in this case"));
        db.inTransaction("set the status of finding " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE findings SET status = ? WHERE id = ?")) {
                ps.setString(1, status.name());
                ps.setString(2, id);
                return ps.executeUpdate();
            }
        });
        audit.append(actor, "finding.status", "{\"finding\":" + Json.quote(id) + ",\"from\":\"" + before.status() + "\",\"to\":\"" + status
                + "\",\"note\":" + Json.quote(note) + "}");
        return get(id).orElseThrow();
    }

    @Override
    public List<Finding> retire(Collection<String> ids, String actor, String reason) {
        if (ids.isEmpty()) return List.of();
        // Deleted rather than flagged: every reader (list, reports, playbook checks) then sees only findings
        // that still apply, and the audit entry below is the lasting record of what was retired.
        List<Finding> retired = db.inTransaction("retire findings", c -> {
            List<Finding> out = new ArrayList<>();
            try (PreparedStatement read = c.prepareStatement("SELECT " + COLUMNS + " FROM findings WHERE id = ? AND status = ?");
                 PreparedStatement delete = c.prepareStatement("DELETE FROM findings WHERE id = ? AND status = ?")) {
                for (String id : ids) {
                    read.setString(1, id);
                    read.setString(2, FindingStatus.NEW.name());
                    try (ResultSet rs = read.executeQuery()) {
                        if (!rs.next()) continue;
                        out.add(row(rs));
                    }
                    delete.setString(1, id);
                    delete.setString(2, FindingStatus.NEW.name());
                    delete.executeUpdate();
                }
            }
            return out;
        });
        for (Finding f : retired) audit.append(actor, "finding-retired", retiredDetails(f, reason));
        return retired;
    }

    private static String retiredDetails(Finding f, String reason) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("finding", f.id());
        d.put("detector", f.detector());
        d.put("severity", f.severity().name());
        d.put("session", f.sessionId());
        d.put("eventCount", f.eventIds().size());
        d.put("events", f.eventIds().subList(0, Math.min(MAX_AUDITED_EVENTS, f.eventIds().size())));
        d.put("explanation", capped(f.explanation()));
        d.put("reason", reason);
        try {
            return JSON.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps an audit entry within its column; explanations are normally a sentence or two. */
    private static String capped(String text) {
        int max = MAX_AUDITED_EXPLANATION;
        return text == null || text.length() <= max ? text : text.substring(0, max) + " [" + (text.length() - max) + " more characters]";
    }

    private List<Finding> query(String sql, String param) {
        return db.read("read findings", c -> {
            List<Finding> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (param != null) ps.setString(1, param);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(row(rs));
                }
            }
            return out;
        });
    }

    private static Finding row(ResultSet rs) throws SQLException {
        return new Finding(rs.getString(1), rs.getString(2), Severity.valueOf(rs.getString(3)), list(rs.getString(4)), list(rs.getString(5)),
                rs.getString(6), list(rs.getString(7)), rs.getString(8), FindingStatus.valueOf(rs.getString(9)), rs.getString(10),
                rs.getString(11), Instant.parse(rs.getString(12)));
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> list(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A finding's list column is not JSON: " + json, e);
        }
    }
}
