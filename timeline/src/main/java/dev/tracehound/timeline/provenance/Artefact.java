package dev.tracehound.timeline.provenance;

/** One value found in a piece of content, for example a URL or a card number. */
public record Artefact(ArtefactType type, String value) {}
