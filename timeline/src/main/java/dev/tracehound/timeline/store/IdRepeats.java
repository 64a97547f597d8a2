package dev.tracehound.timeline.store;

import dev.tracehound.timeline.event.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of one batch whose id is taken already, by a stored event or an earlier one of the batch. Recording the
 * same content again is a duplicate (an export brought back into its own case); other content is an
 * {@link IdConflict}, quarantined in the batch's transaction, since counting it as a duplicate would hide it.
 */
final class IdRepeats {
    private List<IdConflict> conflicts = List.of();

    /** True when {@code incoming} records what {@code kept} does; otherwise it is taken as a conflict. */
    boolean isDuplicate(Event kept, Event incoming) {
        return same(ContentField.differing(kept, incoming), differing -> IdConflict.of(kept, incoming, differing));
    }

    /** True when {@code incoming}, named by its dedup key as {@code kept} from another file, records the same event. */
    boolean isSameEvent(Event kept, Event incoming) {
        return same(ContentField.differingForOneEvent(kept, incoming), differing -> IdConflict.ofDedupKey(kept, incoming, differing));
    }

    private boolean same(List<ContentField> differing, java.util.function.Function<List<ContentField>, IdConflict> conflict) {
        if (differing.isEmpty()) return true;
        if (conflicts.isEmpty()) conflicts = new ArrayList<>();
        conflicts.add(conflict.apply(differing));
        return false;
    }

    List<IdConflict> conflicts() {
        return conflicts;
    }

    /** Writes a quarantine row for each conflict, with the incoming record's evidence and locator. */
    void quarantine(Connection c) throws SQLException {
        if (conflicts.isEmpty()) return;
        try (PreparedStatement ps = QuarantineRows.prepare(c)) {
            for (IdConflict conflict : conflicts) {
                QuarantineRows.add(ps, conflict.evidenceSha256(), conflict.locator(), conflict.reason(), conflict.excerpt());
            }
            ps.executeBatch();
        }
    }
}
