package dev.tracehound.timeline.search;

/** Result order: by event time (then ingest order), or by relevance. */
public enum SearchSort { TIME, SCORE }
