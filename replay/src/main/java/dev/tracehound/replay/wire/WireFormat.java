package dev.tracehound.replay.wire;

import dev.tracehound.timeline.context.ModelContext;

/** One provider protocol: how a context becomes a request, and how a response becomes a {@link ModelReply}. */
public interface WireFormat {

    /** Builds the request for {@code context} as the model should see it, with {@code model} and {@code sampling}. */
    WireRequest build(ModelContext context, String model, Sampling sampling, boolean stream);

    /** Reads a complete (non-streaming) response body. */
    ModelReply parse(byte[] body);

    /** Reads a complete streamed response body (SSE or NDJSON, as the protocol streams). */
    ModelReply parseStream(byte[] body);

    /**
     * Reads a request body this format built back into the parts of a context (input, tools, params), so the
     * round trip can be checked and stored requests can be shown as a conversation.
     */
    ModelContext readRequest(byte[] body);

    /** The error message a provider put in an error body, or null. */
    default String errorMessage(byte[] body) {
        return ErrorBodies.message(body);
    }
}
