package dev.tracehound.timeline.context;

/** A tool offered to the model: name, description and JSON Schema of its parameters (JSON text). */
public record ToolSpec(String name, String description, String parametersJson) {}
