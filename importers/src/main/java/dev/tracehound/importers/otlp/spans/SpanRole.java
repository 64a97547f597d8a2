package dev.tracehound.importers.otlp.spans;

/** What a span did, which decides the events it becomes (docs/event-model.md). */
public enum SpanRole {
    /** An LLM call: MODEL_CALL, its input messages, MODEL_RESPONSE and TOOL_CALLs it asked for. */
    MODEL,
    /** A tool execution: TOOL_CALL and TOOL_RESULT. */
    TOOL,
    /** A retriever: one RETRIEVAL per document. */
    RETRIEVAL,
    /** An agent, chain or workflow step: AGENT_STEP. */
    AGENT,
    /** Anything else: a NOTE carrying the raw attributes, so nothing is dropped. */
    OTHER
}
