package dev.tracehound.timeline.event;

/** Facts about how an event was recorded, which an investigator must see before trusting its content. */
public enum EventFlag {
    /** The source cut the content short (Langfuse truncation markers, size limits). */
    CONTENT_TRUNCATED,
    /** The source did not capture the content at all (content capture switched off). */
    CONTENT_NOT_CAPTURED,
    /** The time was inferred from the order of records, not recorded by the source. */
    TIME_INFERRED,
    /** Injected by the harness (Claude Code isMeta), not typed by the user. */
    HARNESS_INJECTED,
    /** Tracehound shortened the stored text; the full bytes remain in the evidence file. */
    STORED_TEXT_CAPPED,
    /**
     * Recorded about the session afterwards (a score, user feedback), not part of its activity: its time is when it
     * was recorded, which may be weeks later.
     */
    RECORDED_LATER;
}
