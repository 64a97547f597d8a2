/**
 * The normalised span shared by the OTLP, Langfuse and LangSmith importers: one {@link
 * dev.tracehound.importers.otlp.spans.ObservedSpan} per span, observation or run, the chat-message normaliser
 * every format's messages go through, and the writer that turns a span into events by the rules of
 * docs/event-model.md. Lives under otlp because OTel's span is the common model; a candidate for a shared
 * importers package once the import framework settles.
 */
package dev.tracehound.importers.otlp.spans;
