package dev.tracehound.timeline.artifacts;

import java.util.List;
import java.util.Optional;

/** Content-addressed store for artefacts of the investigation itself, hashed and audited. */
public interface ArtifactStore {

    ArtifactRecord add(String kind, byte[] content, String metaJson, String actor);

    Optional<byte[]> content(String sha256);

    List<ArtifactRecord> list(String kind);
}
