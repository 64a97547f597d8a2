package dev.tracehound.replay.wire;

import dev.tracehound.timeline.context.ModelContext;
import java.math.BigDecimal;

/**
 * Sampling parameters for one request; null leaves the provider's default (or the recorded value). Values no
 * provider accepts are refused here, with the field, the value and the range, rather than sent as N failing requests
 * (or, by a lenient server, silently clamped): temperature 0 to {@value #MAX_TEMPERATURE} (OpenAI's range; Anthropic
 * takes 0 to 1, which {@code EndpointKind#checkTemperature} holds a plan to once its endpoint is known), top_p 0 to 1,
 * max tokens at least 1.
 */
public record Sampling(Double temperature, Double topP, Long seed, Integer maxTokens) {
    public static final Sampling DEFAULTS = new Sampling(null, null, null, null);
    public static final double MAX_TEMPERATURE = 2;

    public Sampling {
        checkTemperature("temperature", temperature);
        if (temperature != null && temperature == 0) temperature = 0.0; // -0 would be sent as "temperature": -0.0
        checkTopP("topP", topP);
        checkMaxTokens("maxTokens", maxTokens);
    }

    /** @param field how the caller names it (a plan field, a command-line option) */
    public static void checkTemperature(String field, Double value) {
        checkTemperature(field, value, MAX_TEMPERATURE, "");
    }

    /**
     * @param max the highest temperature the provider takes
     * @param provider how the message names whose limit it is ({@code " for anthropic endpoints"}), or empty
     */
    public static void checkTemperature(String field, Double value, double max, String provider) {
        if (value != null && !(value >= 0 && value <= max)) throw outOfRange(field, value, "between 0 and " + plain(max) + provider);
    }

    /** The temperature a request for this context will carry: this plan's, else the one recorded on the original call. */
    public Double temperatureSent(ModelContext original) {
        return temperature != null ? temperature : RequestParams.recordedTemperature(original);
    }

    public static void checkTopP(String field, Double value) {
        if (value != null && !(value >= 0 && value <= 1)) throw outOfRange(field, value, "between 0 and 1");
    }

    public static void checkMaxTokens(String field, Integer value) {
        if (value != null && value < 1) throw outOfRange(field, value, "at least 1");
    }

    static IllegalArgumentException outOfRange(String field, Number value, String range) {
        return new IllegalArgumentException(field + " must be " + range + ", not " + plain(value));
    }

    /** 99 rather than 99.0, 1E+2 as 100; NaN and infinities as Java writes them. */
    private static String plain(Number value) {
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) return String.valueOf(d);
        if (value instanceof Double d) return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        return String.valueOf(value);
    }
}
