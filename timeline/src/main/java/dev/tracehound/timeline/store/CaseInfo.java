package dev.tracehound.timeline.store;

import java.time.Instant;

/** The contents of {@code case.json}. */
public record CaseInfo(String caseId, String name, Instant created, String toolVersion, int schemaVersion) {}
