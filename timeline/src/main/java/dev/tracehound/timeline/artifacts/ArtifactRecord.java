package dev.tracehound.timeline.artifacts;

import java.time.Instant;

/**
 * Bytes the investigation produced (a replay request or response), kept apart from imported evidence.
 *
 * @param kind for example {@code replay-request}, {@code replay-response}
 * @param metaJson small JSON describing it (run id, trial number, model, timing)
 */
public record ArtifactRecord(String sha256, String kind, long size, String metaJson, Instant created) {}
