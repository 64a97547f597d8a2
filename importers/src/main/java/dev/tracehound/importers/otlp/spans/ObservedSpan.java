package dev.tracehound.importers.otlp.spans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import dev.tracehound.importers.chatshape.ChatMessage;

/**
 * One span, observation or run in a source-independent shape, filled by a format's reader and turned into
 * events by {@link SpanEventWriter}. A plain mutable carrier: readers fill what their format records and leave
 * the rest null.
 */
public final class ObservedSpan {
    /** Where the span is in the evidence file (JSON pointer or {@code line:N}); derived events add a suffix. */
    public String locator;
    /** Lowercase hex for OTel-like ids; other formats' ids as given. */
    public String traceId;
    public String spanId;
    public String parentSpanId;
    public String sessionId;
    public String name;
    public long startNanos;
    public long endNanos;
    public boolean timeInferred;

    public SpanRole role = SpanRole.OTHER;
    public String provider;
    public String model;
    public String agentName;

    // MODEL
    public final List<ChatMessage> inputMessages = new ArrayList<>();
    public final List<ChatMessage> outputMessages = new ArrayList<>();
    public final List<JsonNode> tools = new ArrayList<>();
    public ObjectNode params;
    public String finishReason;
    public Long inputTokens;
    public Long outputTokens;
    public Double costUsd;

    // TOOL
    public String toolName;
    public String toolCallId;
    public JsonNode toolArguments;
    public JsonNode toolResult;

    // RETRIEVAL
    public final List<RetrievedDocument> documents = new ArrayList<>();
    public String query;

    // AGENT and OTHER
    public JsonNode input;
    public JsonNode output;
    /** The raw attributes (or metadata) for NOTE payloads. */
    public JsonNode raw;

    public boolean error;
    public String errorMessage;
    /** The source marked some of this span's content as cut. */
    public boolean contentTruncated;

    /** True when some message holds content: messages that are all empty say the content was not captured. */
    public boolean hasMessages() {
        return inputMessages.stream().anyMatch(m -> !m.isEmpty()) || outputMessages.stream().anyMatch(m -> !m.isEmpty());
    }
}
