package dev.tracehound.timeline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes the quarantine table: one row per record of an evidence file that did not enter the case (or, for an id
 * conflict, per event), keyed by evidence and locator, so a rerun of the import replaces its rows.
 */
final class QuarantineRows {
    private static final String MERGE =
            "MERGE INTO quarantine (evidence_sha, locator, reason, excerpt) KEY (evidence_sha, locator) VALUES (?,?,?,?)";
    private static final int MAX_REASON = 4000;
    private static final int MAX_EXCERPT = 2000;

    private QuarantineRows() {}

    static PreparedStatement prepare(Connection c) throws SQLException {
        return c.prepareStatement(MERGE);
    }

    /** Adds one row to the statement's batch, cut to the columns' sizes. */
    static void add(PreparedStatement ps, String evidenceSha, String locator, String reason, String excerpt) throws SQLException {
        ps.setString(1, evidenceSha);
        ps.setString(2, locator == null ? "unknown" : locator);
        ps.setString(3, reason == null ? "unknown reason" : cut(reason, MAX_REASON));
        ps.setString(4, excerpt == null ? null : cut(excerpt, MAX_EXCERPT));
        ps.addBatch();
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
