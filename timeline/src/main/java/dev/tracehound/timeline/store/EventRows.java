package dev.tracehound.timeline.store;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventFlag;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Maps events to rows of the {@code events} table and back. One place for the column list. */
public final class EventRows {
    private EventRows() {}

    /** The columns after {@code ingest_seq}. */
    private static final String EVENT_FIELDS = "id, evidence_sha, locator, dedup_key, trace_id, session_id, span_id, parent_id, "
            + "sequence, start_ns, end_ns, kind, name, actor, provider, model, tool_name, tool_call_id, input_tokens, "
            + "output_tokens, cost_usd, status, text, payload, trust, flags";
    /** Columns in the order {@link #bind} and {@link #read} use; {@code ingest_seq} comes first. */
    public static final String COLUMNS = "ingest_seq, " + EVENT_FIELDS;

    private static final String ROW_VALUES = "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final int PARAMS_PER_ROW = 27;

    static final String INSERT = "INSERT INTO events (" + COLUMNS + ") VALUES " + ROW_VALUES;

    /** Rows per multi-row insert: H2 runs one statement's bookkeeping for all of them instead of once per row. */
    static final int ROWS_PER_INSERT = 64;

    /** An insert of {@link #ROWS_PER_INSERT} rows in one statement; one string, so H2's statement cache finds it. */
    private static final String INSERT_ROWS = "INSERT INTO events (" + COLUMNS + ") VALUES "
            + String.join(",", java.util.Collections.nCopies(ROWS_PER_INSERT, ROW_VALUES));

    /** Inserts the events with their ingest sequences: in statements of {@link #ROWS_PER_INSERT} rows, then the rest. */
    static void insertAll(java.sql.Connection c, List<Event> events, long[] seqs) throws SQLException {
        int whole = events.size() / ROWS_PER_INSERT * ROWS_PER_INSERT;
        if (whole > 0) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_ROWS)) {
                for (int from = 0; from < whole; from += ROWS_PER_INSERT) {
                    for (int r = 0; r < ROWS_PER_INSERT; r++) bind(ps, r * PARAMS_PER_ROW, events.get(from + r), seqs[from + r]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (whole < events.size()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (int i = whole; i < events.size(); i++) {
                    bind(ps, events.get(i), seqs[i]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /**
     * An event as stored: with its text and payload capped, and the flag saying so. A capped text keeps its start and
     * its end around a note of what was left out: padding followed by an instruction is a known way to hide one
     * (QA hid an injection after 1.1 MB of filler), and the end is where it lands, for search and the detectors.
     */
    static Event capped(Event e) {
        boolean textLong = e.text() != null && e.text().length() > H2Database.MAX_TEXT_CHARS;
        boolean payloadLong = e.payloadJson() != null && e.payloadJson().length() > H2Database.MAX_TEXT_CHARS;
        if (!textLong && !payloadLong) return e;
        Event.Builder b = e.toBuilder().flag(EventFlag.STORED_TEXT_CAPPED);
        if (textLong) b.text(cut(e.text()));
        if (payloadLong) b.payloadJson(cut(e.payloadJson()));
        return b.build();
    }

    /** The first and last parts of a text over the cap, with a note of how much lies between them. */
    static String cut(String s) {
        int half = (H2Database.MAX_TEXT_CHARS - 200) / 2; // 200: room for the note
        int headEnd = half;
        if (Character.isHighSurrogate(s.charAt(headEnd - 1))) headEnd--; // never split a surrogate pair
        int tailStart = s.length() - half;
        if (Character.isLowSurrogate(s.charAt(tailStart))) tailStart++;
        String note = String.format(java.util.Locale.ROOT, "\n[… %,d of %,d characters left out here; the evidence file holds the whole text …]\n",
                tailStart - headEnd, s.length());
        return s.substring(0, headEnd) + note + s.substring(tailStart);
    }

    static void bind(PreparedStatement ps, Event e, long ingestSeq) throws SQLException {
        bind(ps, 0, e, ingestSeq);
    }

    /** Binds one row's parameters after the first {@code offset} of the statement. */
    private static void bind(PreparedStatement ps, int offset, Event e, long ingestSeq) throws SQLException {
        int i = offset + 1;
        ps.setLong(i++, ingestSeq);
        ps.setString(i++, e.eventId());
        ps.setString(i++, e.evidenceSha256());
        ps.setString(i++, e.locator());
        ps.setString(i++, e.dedupKey());
        ps.setString(i++, e.traceId());
        ps.setString(i++, e.sessionId());
        ps.setString(i++, e.spanId());
        ps.setString(i++, e.parentId());
        ps.setLong(i++, e.sequence());
        ps.setLong(i++, e.startNanos());
        ps.setLong(i++, e.endNanos());
        ps.setString(i++, e.kind().name());
        ps.setString(i++, e.name());
        ps.setString(i++, e.actor());
        ps.setString(i++, e.provider());
        ps.setString(i++, e.model());
        ps.setString(i++, e.toolName());
        ps.setString(i++, e.toolCallId());
        setLong(ps, i++, e.inputTokens());
        setLong(ps, i++, e.outputTokens());
        if (e.costUsd() == null) ps.setNull(i++, Types.DOUBLE); else ps.setDouble(i++, e.costUsd());
        ps.setString(i++, e.status());
        ps.setBytes(i++, utf8(e.text()));
        ps.setBytes(i++, utf8(e.payloadJson()));
        ps.setString(i++, e.trust().name());
        ps.setString(i, flagsText(e.flags()));
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) ps.setNull(i, Types.BIGINT); else ps.setLong(i, v);
    }

    /** Reads the row at the cursor; expects {@link #COLUMNS} selected in order, from column {@code 1}. */
    public static Event read(ResultSet rs) throws SQLException {
        int i = 2; // 1 is ingest_seq
        Event.Builder b = Event.builder(rs.getString(3), rs.getString(4)).eventId(rs.getString(i));
        i = 5;
        b.dedupKey(rs.getString(i++)).traceId(rs.getString(i++)).sessionId(rs.getString(i++)).spanId(rs.getString(i++))
                .parentId(rs.getString(i++)).sequence(rs.getLong(i++)).startNanos(rs.getLong(i++)).endNanos(rs.getLong(i++))
                .kind(EventKind.parse(rs.getString(i++))).name(rs.getString(i++)).actor(rs.getString(i++))
                .provider(rs.getString(i++)).model(rs.getString(i++)).toolName(rs.getString(i++))
                .toolCallId(rs.getString(i++));
        b.inputTokens(getLong(rs, i++)).outputTokens(getLong(rs, i++));
        double cost = rs.getDouble(i);
        b.costUsd(rs.wasNull() ? null : cost);
        i++;
        b.status(rs.getString(i++)).text(text(rs.getBytes(i++))).payloadJson(text(rs.getBytes(i++))).trust(Trust.parse(rs.getString(i++)));
        for (EventFlag f : parseFlags(rs.getString(i))) b.flag(f);
        return b.build();
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] utf8) {
        return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
    }

    private static Long getLong(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    /** Flags as sorted names joined by commas: readable in the database and robust to enum reordering. */
    static String flagsText(Set<EventFlag> flags) {
        if (flags.isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        for (EventFlag f : EnumSet.copyOf(flags)) {
            if (!sb.isEmpty()) sb.append(',');
            sb.append(f.name());
        }
        return sb.toString();
    }

    static Set<EventFlag> parseFlags(String text) {
        EnumSet<EventFlag> flags = EnumSet.noneOf(EventFlag.class);
        if (text == null || text.isEmpty()) return flags;
        for (String name : text.split(",")) {
            try {
                flags.add(EventFlag.valueOf(name));
            } catch (IllegalArgumentException ignored) {
                // a flag from a newer version: unknown here, kept in the row untouched
            }
        }
        return flags;
    }

    /**
     * Sequences per {@code = ANY(?)} query: H2 read 10,000 rows of a 300,000-row case in 44-60 ms in queries of 200 to
     * 1,000, and in 120-175 ms in queries of 5,000.
     */
    static final int PER_QUERY = 500;

    /** What to do with each row read by {@link #bySeq}. */
    @FunctionalInterface
    interface RowAction {
        void accept(java.sql.ResultSet rs) throws SQLException;
    }

    /** Reads whole rows by ingest sequence, for {@link #read}; in no particular order. */
    static void eventsBySeq(java.sql.Connection c, long[] seqs, RowAction action) throws SQLException {
        bySeq(c, seqs, EVENT_FIELDS, action);
    }

    /**
     * Reads {@code ingest_seq} (column 1) and the named columns of the rows with these ingest sequences, in queries of
     * {@link #PER_QUERY}; the rows come in no particular order.
     */
    static void bySeq(java.sql.Connection c, long[] seqs, String columns, RowAction action) throws SQLException {
        final int perQuery = PER_QUERY;
        long[] sorted = seqs.clone();
        java.util.Arrays.sort(sorted);
        try (PreparedStatement ps = c.prepareStatement("SELECT ingest_seq, " + columns + " FROM events WHERE ingest_seq = ANY(?)")) {
            for (int from = 0; from < sorted.length; from += perQuery) {
                long[] part = java.util.Arrays.copyOfRange(sorted, from, Math.min(sorted.length, from + perQuery));
                ps.setObject(1, java.util.Arrays.stream(part).boxed().toArray(Long[]::new));
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) action.accept(rs);
                }
            }
        }
    }
}
