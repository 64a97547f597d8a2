package dev.tracehound.timeline.store;

import dev.tracehound.timeline.event.EventKind;
import java.sql.Connection;
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
 * and {@code kind} terms name the candidate rows, and its session keys drop those that could only link a session to
 * itself (most: a span's events and its children usually share a session); the rest are read by primary key and
 * compared in full.
 */
final class SessionLinks {
    private record Child(String session, String parentSpan, long startNs, long seq, boolean firstEvent) {}

    private record Parent(String session, boolean toolCall, long seq) {}

    private record Link(String parent, long childStart, long childSeq, long parentSeq) {}

    private static final Comparator<Link> EARLIEST =
            Comparator.comparingLong(Link::childStart).thenComparingLong(Link::childSeq).thenComparingLong(Link::parentSeq);

    private final Connection c;
    private final KeywordLookup index;
    private final Map<String, SessionStats.Totals> totals;

    private SessionLinks(Connection c, KeywordLookup index, Map<String, SessionStats.Totals> totals) {
        this.c = c;
        this.index = index;
        this.totals = totals;
    }

    /** Child session → parent session, for every session that has a parent; {@code totals} as {@link SessionStats#current} gives them. */
    static Map<String, String> parents(Connection c, KeywordLookup index, Map<String, SessionStats.Totals> totals) throws SQLException {
        return new SessionLinks(c, index, totals).find();
    }

    private Map<String, String> find() throws SQLException {
        boolean narrow = sessionKeysDistinct();
        List<Child> children = new ArrayList<>(firstEventsWithParents());
        Map<String, List<Parent>> parentsBySpan = new HashMap<>();
        if (index.anyWith("parent")) linkThroughToolCalls(children, parentsBySpan, narrow);
        // the spans first events hang from, whatever their kind, where they belong to another session
        Set<String> firstParents = new HashSet<>();
        Map<String, Set<String>> childSessions = new HashMap<>();
        for (Child ch : children) {
            if (!ch.firstEvent) continue;
            firstParents.add(ch.parentSpan);
            childSessions.computeIfAbsent(index.keyOf(ch.parentSpan), k -> new HashSet<>()).add(index.keyOf(ch.session));
        }
        rowsOf(crossSession(index.rowsWith("span", firstParents), childSessions, narrow), "span_id, session_id, kind", rs -> {
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

    /**
     * Adds the events that hang from a TOOL_CALL of another session (any event of the child session, not only its
     * first) and those tool calls. The index names every tool call's span and session without reading a row; only
     * the rows that may link two sessions are read, and compared exactly.
     */
    private void linkThroughToolCalls(List<Child> children, Map<String, List<Parent>> parentsBySpan, boolean narrow) throws SQLException {
        List<KeywordLookup.KeywordRow> toolCalls = index.termsOfRowsWith("kind", EventKind.TOOL_CALL.name(), "span");
        Map<String, Set<String>> toolSessions = new HashMap<>(); // span key -> session keys of its tool calls
        for (KeywordLookup.KeywordRow r : toolCalls) {
            if (r.session() != null) toolSessions.computeIfAbsent(r.term(), k -> new HashSet<>()).add(r.session());
        }
        Set<String> linkedSpanKeys = new HashSet<>();
        rowsOf(crossSession(index.rowsWith("parent", toolSessions.keySet()), toolSessions, narrow), "parent_id, session_id, start_ns", rs -> {
            if (rs.getString(2) != null && rs.getString(3) != null) {
                children.add(new Child(rs.getString(3), rs.getString(2), rs.getLong(4), rs.getLong(1), false));
                linkedSpanKeys.add(index.keyOf(rs.getString(2)));
            }
        });
        long[] toolSeqs = toolCalls.stream().filter(r -> linkedSpanKeys.contains(r.term())).mapToLong(KeywordLookup.KeywordRow::seq).toArray();
        rowsOf(toolSeqs, "span_id, session_id, kind", rs -> {
            if (rs.getString(2) != null && rs.getString(3) != null && rs.getString(4).equals(EventKind.TOOL_CALL.name())) {
                parentsBySpan.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(new Parent(rs.getString(3), true, rs.getLong(1)));
            }
        });
    }

    /**
     * The rows worth reading: a link needs two sessions, so a row found by a span whose other side is only ever its
     * own session is skipped without reading it (the rows read are whole, the index's session key is cheap). Rows
     * without a session cannot link. Without {@code narrow} (two session ids of the case differ only in letter case,
     * so keys cannot tell them apart) every row found is read.
     */
    private static long[] crossSession(List<KeywordLookup.KeywordRow> found, Map<String, Set<String>> otherSide, boolean narrow) {
        java.util.stream.LongStream.Builder seqs = java.util.stream.LongStream.builder();
        for (KeywordLookup.KeywordRow r : found) {
            if (r.session() == null) continue;
            Set<String> sessions = otherSide.getOrDefault(r.term(), Set.of());
            if (!narrow || sessions.size() > 1 || (sessions.size() == 1 && !sessions.contains(r.session()))) seqs.add(r.seq());
        }
        return seqs.build().toArray();
    }

    /** Whether every session id of the case has its own index key (they differ in more than letter case). */
    private boolean sessionKeysDistinct() {
        Set<String> keys = new HashSet<>();
        for (String s : totals.keySet()) if (s != null && !keys.add(index.keyOf(s))) return false;
        return true;
    }

    /** Events at their session's first instant that hang from a span, from the session totals ({@link SessionStats}). */
    private List<Child> firstEventsWithParents() {
        List<Child> children = new ArrayList<>();
        for (SessionStats.FirstParent f : SessionStats.firstParents(totals)) children.add(new Child(f.session(), f.parentSpan(), f.firstNs(), f.seq(), true));
        return children;
    }

    private void rowsOf(long[] seqs, String columns, EventRows.RowAction action) throws SQLException {
        EventRows.bySeq(c, seqs, columns, action);
    }
}
