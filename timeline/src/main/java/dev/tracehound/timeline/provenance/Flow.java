package dev.tracehound.timeline.provenance;

/**
 * An artefact seen first in untrusted content (the source) that reappears later in a tool call's arguments
 * or in model output (the sink).
 */
public record Flow(String sourceEventId, String sinkEventId, ArtefactType artefactType, String value) {}
