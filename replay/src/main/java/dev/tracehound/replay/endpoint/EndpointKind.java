package dev.tracehound.replay.endpoint;

import dev.tracehound.replay.Json;
import dev.tracehound.replay.wire.AnthropicMessagesFormat;
import dev.tracehound.replay.wire.OllamaChatFormat;
import dev.tracehound.replay.wire.OpenAiChatFormat;
import dev.tracehound.replay.wire.Sampling;
import dev.tracehound.replay.wire.WireFormat;
import dev.tracehound.timeline.context.ModelContext;
import java.util.Locale;

/** The wire protocol an endpoint speaks, and how its key travels. */
public enum EndpointKind {
    OPENAI, ANTHROPIC, OLLAMA;

    public WireFormat format() {
        return switch (this) {
            case OPENAI -> new OpenAiChatFormat();
            case ANTHROPIC -> new AnthropicMessagesFormat();
            case OLLAMA -> new OllamaChatFormat();
        };
    }

    /**
     * The highest sampling temperature the provider takes. Anthropic's Messages API takes 0 to 1 and answers more with
     * an error, which would fail every trial; OpenAI-compatible servers and Ollama take OpenAI's 0 to 2.
     */
    public double maxTemperature() {
        return this == ANTHROPIC ? 1 : Sampling.MAX_TEMPERATURE;
    }

    /**
     * Refuses a temperature this provider would answer with an error, naming the field, the value, the range and the
     * provider; a plan is checked once it meets its endpoint, before any request is sent.
     *
     * @param field how the caller names it (a plan field, a command-line option)
     */
    public void checkTemperature(String field, Double value) {
        Sampling.checkTemperature(field, value, maxTemperature(), " for " + wireName() + " endpoints");
    }

    /**
     * Refuses the temperature a request for {@code original} would carry when this provider takes no such value: the
     * plan's, or when the plan sets none the recorded call's (an OpenAI call recorded at 1.5 replayed on Anthropic).
     */
    public void checkTemperature(Sampling sampling, ModelContext original) {
        Sampling s = sampling == null ? Sampling.DEFAULTS : sampling;
        String field = s.temperature() != null ? "sampling.temperature"
                : "the recorded call's temperature (set sampling.temperature or --temperature to replay with another)";
        Double sent = s.temperatureSent(original);
        Object recorded = original.params().get("temperature");
        if (sent == null && recorded != null) {
            // a recording that is not a number would silently leave the temperature to the provider's default
            throw new IllegalArgumentException(field + " must be a number, not " + Json.write(recorded));
        }
        checkTemperature(field, sent);
    }

    /** The header that carries the key, and its value for {@code key}. */
    public String[] authHeader(String key) {
        return this == ANTHROPIC ? new String[] {"x-api-key", key} : new String[] {"authorization", "Bearer " + key};
    }

    public static EndpointKind parse(String s) {
        if (s == null) throw new IllegalArgumentException("endpoint kind missing: use openai, anthropic or ollama");
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown endpoint kind '" + s + "': use openai, anthropic or ollama");
        }
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    static EndpointKind fromJson(String s) {
        return parse(s);
    }
}
