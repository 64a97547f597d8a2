package dev.tracehound.timeline.store;

import java.util.List;

/** One session as the session list shows it. Times in nanoseconds since the epoch. */
public record SessionSummary(
        String sessionId,
        String traceId,
        String parentSessionId,
        long events,
        long startNanos,
        long endNanos,
        List<String> models,
        List<String> tools,
        long inputTokens,
        long outputTokens) {}
