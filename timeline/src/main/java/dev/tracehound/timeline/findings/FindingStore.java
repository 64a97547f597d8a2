package dev.tracehound.timeline.findings;

import java.util.List;
import java.util.Optional;

/** Findings of a case. Every status change is audited. */
public interface FindingStore {

    /** Adds new findings and refreshes existing ones (same id) while keeping the investigator's status. */
    void save(List<Finding> findings);

    List<Finding> list();

    Optional<Finding> get(String id);

    Finding setStatus(String id, FindingStatus status, String actor, String note);
}
