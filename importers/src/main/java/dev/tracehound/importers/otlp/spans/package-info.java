/**
 * The normalised span shared by the OTLP, Langfuse and LangSmith importers: one {@link
 * dev.tracehound.importers.otlp.spans.ObservedSpan} per span, observation or run, and the writer that turns a span
 * into events by the rules of docs/event-model.md. The messages inside spans are read by
 * {@link dev.tracehound.importers.chatshape}.
 */
package dev.tracehound.importers.otlp.spans;
