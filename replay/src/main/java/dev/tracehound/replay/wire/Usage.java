package dev.tracehound.replay.wire;

/** Token counts a provider reported; null when it reported none. */
public record Usage(Long inputTokens, Long outputTokens) {
    public static final Usage NONE = new Usage(null, null);
}
