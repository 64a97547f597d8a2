package dev.tracehound.timeline.store;

/** Counts of one ingest: events written, events that were already in the case, records quarantined. */
public record IngestStats(long added, long duplicates, long quarantined) {}
