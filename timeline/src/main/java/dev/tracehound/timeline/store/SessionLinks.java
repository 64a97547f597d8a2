package dev.tracehound.timeline.store;

import dev.tracehound.timeline.event.EventKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parent links between sessions. A session's parent is the other session holding the span its first event hangs
 * from, or the TOOL_CALL any of its events hangs from (a sub-agent launched by a Task call); the earliest link wins
 * (by the child event's time and ingest order, then the parent's ingest order).
 * <p>
 * Spans are random identifiers, so the database has no index of them: the search index's {@code span}, {@code parent}
 * and {@code kind} terms name the candidate rows, which are then read by primary key and compared in full.
 */
final class SessionLinks {
    private record Child(String session, String parentSpan, long startNs, long seq, boolean firstEvent) {}

    private record Parent(String session, boolean toolCall, long seq) {}

    private record Link(String parent, long childStart, long childSeq, long parentSeq) {}

    private static final Comparator<Link> EARLIEST =
            Comparator.comparingLong(Link::childStart).thenComparingLong(Link::childSeq).thenComparingLong(Link::parentSeq);

    private final Connection c;
    private final KeywordLookup index;

    private SessionLinks(Connection c, KeywordLookup index) {
        this.c = c;
        this.index = index;
    }

    /** Child session → parent session, for every session that has a parent. */
    static Map<String, String> parents(Connection c, KeywordLookup index) throws SQLException {
        return new SessionLinks(c, index).find();
    }

    private Map<String, String> find() throws SQLException {
        List<Child> children = new ArrayList<>(firstEventsWithParents());
        Map<String, List<Parent>> parentsBySpan = new HashMap<>();
        // every TOOL_CALL, and every event hanging from one of their spans (none when nothing hangs from anything)
        if (index.anyWith("parent")) rowsOf(index.seqsWith("kind", List.of(EventKind.TOOL_CALL.name())), "span_id, session_id, kind", rs -> {
            if (rs.getString(2) != null && rs.getString(3) != null && rs.getString(4).equals(EventKind.TOOL_CALL.name())) {
                parentsBySpan.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(new Parent(rs.getString(3), true, rs.getLong(1)));
            }
        });
        Set<String> toolSpans = new HashSet<>(parentsBySpan.keySet());
        rowsOf(index.seqsWith("parent", toolSpans), "parent_id, session_id, start_ns", rs -> {
            if (toolSpans.contains(rs.getString(2)) && rs.getString(3) != null) {
                children.add(new Child(rs.getString(3), rs.getString(2), rs.getLong(4), rs.getLong(1), false));
            }
        });
        // the spans first events hang from, whatever their kind
        Set<String> firstParents = new HashSet<>();
        for (Child ch : children) if (ch.firstEvent) firstParents.add(ch.parentSpan);
        rowsOf(index.seqsWith("span", firstParents), "span_id, session_id, kind", rs -> {
            if (firstParents.contains(rs.getString(2)) && rs.getString(3) != null) {
                parentsBySpan.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                        .add(new Parent(rs.getString(3), EventKind.TOOL_CALL.name().equals(rs.getString(4)), rs.getLong(1)));
            }
        });

        Map<String, Link> earliest = new HashMap<>();
        for (Child ch : children) {
            for (Parent p : parentsBySpan.getOrDefault(ch.parentSpan, List.of())) {
                if (p.session.equals(ch.session) || !(ch.firstEvent || p.toolCall)) continue;
                earliest.merge(ch.session, new Link(p.session, ch.startNs, ch.seq, p.seq), (a, b) -> EARLIEST.compare(a, b) <= 0 ? a : b);
            }
        }
        Map<String, String> parents = new HashMap<>();
        earliest.forEach((child, link) -> parents.put(child, link.parent));
        return parents;
    }

    /** Events at their session's first instant that hang from a span (through the session index, no table scan). */
    private List<Child> firstEventsWithParents() throws SQLException {
        List<Child> children = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT c.ingest_seq, c.parent_id, c.session_id, c.start_ns FROM events c
                JOIN (SELECT session_id, MIN(start_ns) AS first_ns FROM events GROUP BY session_id) f
                  ON f.session_id = c.session_id AND c.start_ns = f.first_ns
                WHERE c.parent_id IS NOT NULL""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) children.add(new Child(rs.getString(3), rs.getString(2), rs.getLong(4), rs.getLong(1), true));
        }
        return children;
    }

    private void rowsOf(long[] seqs, String columns, EventRows.RowAction action) throws SQLException {
        EventRows.bySeq(c, seqs, columns, action);
    }
}
