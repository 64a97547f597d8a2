package dev.tracehound.replay.wire;

/** Sampling parameters for one request; null leaves the provider's default (or the recorded value). */
public record Sampling(Double temperature, Double topP, Long seed, Integer maxTokens) {
    public static final Sampling DEFAULTS = new Sampling(null, null, null, null);
}
