package dev.tracehound.timeline.findings;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Findings of a case. Every status change is audited. */
public interface FindingStore {

    /** Adds new findings and refreshes existing ones (same id) while keeping the investigator's status. */
    void save(List<Finding> findings);

    List<Finding> list();

    Optional<Finding> get(String id);

    Finding setStatus(String id, FindingStatus status, String actor, String note);

    /**
     * Retires findings that no longer apply (an analysis no longer produces them). Only findings still
     * {@link FindingStatus#NEW} are retired: an investigator's verdict is never thrown away. A retired finding
     * leaves the store; one {@code finding-retired} audit entry per finding keeps its id, detector, session,
     * evidence ids, explanation and the reason.
     *
     * @return the findings retired; ids unknown or no longer NEW are skipped
     */
    List<Finding> retire(Collection<String> ids, String actor, String reason);
}
