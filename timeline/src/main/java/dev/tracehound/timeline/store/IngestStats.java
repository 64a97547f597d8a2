package dev.tracehound.timeline.store;

/**
 * Counts of one ingest.
 *
 * @param added events written
 * @param duplicates events already in the case (same id and content, or same dedup key)
 * @param quarantined rows this ingest wrote to the quarantine table: records the importer could not read, and the
 *     id conflicts below
 * @param idConflicts events not added because their id is stored with other content ({@link IdConflict})
 */
public record IngestStats(long added, long duplicates, long quarantined, long idConflicts) {}
