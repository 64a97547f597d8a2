package dev.tracehound.replay.endpoint;

import dev.tracehound.replay.wire.AnthropicMessagesFormat;
import dev.tracehound.replay.wire.OllamaChatFormat;
import dev.tracehound.replay.wire.OpenAiChatFormat;
import dev.tracehound.replay.wire.WireFormat;
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
