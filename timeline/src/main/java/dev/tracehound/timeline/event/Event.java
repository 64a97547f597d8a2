package dev.tracehound.timeline.event;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One thing that happened in an AI system, whatever format recorded it. Immutable.
 *
 * <p>Identity: {@code eventId} is derived from the evidence file's SHA-256 and the record's
 * {@code locator} (line, byte offset or JSON pointer, plus a suffix when one record yields several
 * events), so re-import is idempotent and every event leads back to the bytes it came from.
 *
 * <p>Time: nanoseconds since the epoch as {@code long}, never a double. {@code endNanos} equals
 * {@code startNanos} for instants.
 *
 * @param dedupKey a source-independent identity (for example {@code otel:<trace>:<span>:<part>}); two
 *     files describing the same span produce the same key and the store keeps one event that lists both
 *     evidence files. Null when the format has no such identity.
 * @param payloadJson the structured payload (messages, arguments, documents) as JSON text, or null.
 */
public record Event(
        String eventId,
        String evidenceSha256,
        String locator,
        String dedupKey,
        String traceId,
        String sessionId,
        String spanId,
        String parentId,
        long sequence,
        long startNanos,
        long endNanos,
        EventKind kind,
        String name,
        String actor,
        String provider,
        String model,
        String toolName,
        String toolCallId,
        Long inputTokens,
        Long outputTokens,
        Double costUsd,
        String status,
        String text,
        String payloadJson,
        Trust trust,
        Set<EventFlag> flags) {

    public Event {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(evidenceSha256, "evidenceSha256");
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(kind, "kind");
        trust = trust == null ? Trust.UNKNOWN : trust;
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(flags);
        if (endNanos < startNanos) endNanos = startNanos;
    }

    public boolean has(EventFlag flag) {
        return flags.contains(flag);
    }

    public long durationNanos() {
        return endNanos - startNanos;
    }

    public static Builder builder(String evidenceSha256, String locator) {
        return new Builder(evidenceSha256, locator);
    }

    /** A builder preloaded with this event's fields, for importers that refine an event. */
    public Builder toBuilder() {
        Builder b = new Builder(evidenceSha256, locator);
        b.eventId = eventId;
        b.dedupKey = dedupKey;
        b.traceId = traceId;
        b.sessionId = sessionId;
        b.spanId = spanId;
        b.parentId = parentId;
        b.sequence = sequence;
        b.startNanos = startNanos;
        b.endNanos = endNanos;
        b.kind = kind;
        b.name = name;
        b.actor = actor;
        b.provider = provider;
        b.model = model;
        b.toolName = toolName;
        b.toolCallId = toolCallId;
        b.inputTokens = inputTokens;
        b.outputTokens = outputTokens;
        b.costUsd = costUsd;
        b.status = status;
        b.text = text;
        b.payloadJson = payloadJson;
        b.trust = trust;
        b.flags.addAll(flags);
        return b;
    }

    /** Fluent construction; the id is computed from evidence hash and locator unless set explicitly. */
    public static final class Builder {
        private final String evidenceSha256;
        private final String locator;
        private String eventId;
        private String dedupKey;
        private String traceId;
        private String sessionId;
        private String spanId;
        private String parentId;
        private long sequence;
        private long startNanos;
        private long endNanos = Long.MIN_VALUE;
        private EventKind kind = EventKind.NOTE;
        private String name;
        private String actor;
        private String provider;
        private String model;
        private String toolName;
        private String toolCallId;
        private Long inputTokens;
        private Long outputTokens;
        private Double costUsd;
        private String status;
        private String text;
        private String payloadJson;
        private Trust trust = Trust.UNKNOWN;
        private final EnumSet<EventFlag> flags = EnumSet.noneOf(EventFlag.class);

        private Builder(String evidenceSha256, String locator) {
            this.evidenceSha256 = Objects.requireNonNull(evidenceSha256, "evidenceSha256");
            this.locator = Objects.requireNonNull(locator, "locator");
        }

        public Builder eventId(String v) { this.eventId = v; return this; }
        public Builder dedupKey(String v) { this.dedupKey = v; return this; }
        public Builder traceId(String v) { this.traceId = v; return this; }
        public Builder sessionId(String v) { this.sessionId = v; return this; }
        public Builder spanId(String v) { this.spanId = v; return this; }
        public Builder parentId(String v) { this.parentId = v; return this; }
        public Builder sequence(long v) { this.sequence = v; return this; }
        public Builder startNanos(long v) { this.startNanos = v; return this; }
        public Builder endNanos(long v) { this.endNanos = v; return this; }
        public Builder kind(EventKind v) { this.kind = v; return this; }
        public Builder name(String v) { this.name = v; return this; }
        public Builder actor(String v) { this.actor = v; return this; }
        public Builder provider(String v) { this.provider = v; return this; }
        public Builder model(String v) { this.model = v; return this; }
        public Builder toolName(String v) { this.toolName = v; return this; }
        public Builder toolCallId(String v) { this.toolCallId = v; return this; }
        public Builder inputTokens(Long v) { this.inputTokens = v; return this; }
        public Builder outputTokens(Long v) { this.outputTokens = v; return this; }
        public Builder costUsd(Double v) { this.costUsd = v; return this; }
        public Builder status(String v) { this.status = v; return this; }
        public Builder text(String v) { this.text = v; return this; }
        public Builder payloadJson(String v) { this.payloadJson = v; return this; }
        public Builder trust(Trust v) { this.trust = v; return this; }
        public Builder flag(EventFlag v) { this.flags.add(v); return this; }

        public Event build() {
            String id = eventId != null ? eventId : EventIds.of(evidenceSha256, locator);
            long end = endNanos == Long.MIN_VALUE ? startNanos : endNanos;
            return new Event(id, evidenceSha256, locator, dedupKey, traceId, sessionId, spanId, parentId, sequence,
                    startNanos, end, kind, name, actor, provider, model, toolName, toolCallId, inputTokens,
                    outputTokens, costUsd, status, text, payloadJson, trust, EnumSet.copyOf(flags.isEmpty() ? EnumSet.noneOf(EventFlag.class) : flags));
        }
    }
}
