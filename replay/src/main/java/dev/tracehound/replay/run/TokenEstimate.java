package dev.tracehound.replay.run;

import java.util.Locale;

/**
 * A rough token count shown before a run starts, so an investigator sees the cost before paying it. The
 * heuristic is characters / 4 (about right for English with OpenAI and Anthropic tokenisers; code and other
 * languages run higher), applied to the request body, which slightly overcounts because of JSON punctuation.
 * Output is bounded by max_tokens when the plan or recording gives one.
 */
public record TokenEstimate(long inputPerTrial, Integer maxOutputPerTrial, int trials) {
    public static final int CHARS_PER_TOKEN = 4;

    public static TokenEstimate of(String requestBody, Integer maxTokens, int trials) {
        long chars = requestBody == null ? 0 : requestBody.length();
        return new TokenEstimate((chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN, maxTokens, trials);
    }

    public long inputTotal() {
        return inputPerTrial * trials;
    }

    public String describe() {
        String out = maxOutputPerTrial == null ? "output unbounded by the plan"
                : "up to " + (long) maxOutputPerTrial * trials + " output tokens";
        return String.format(Locale.ROOT, "about %,d input tokens per trial, %,d for %d trials; %s (estimate: characters/4)",
                inputPerTrial, inputTotal(), trials, out);
    }
}
