package dev.tracehound.importers.otlp.spans;

import com.fasterxml.jackson.databind.JsonNode;

/** One document a retriever returned. */
public record RetrievedDocument(String id, String content, Double score, JsonNode metadata) {}
