package dev.tracehound.importers.langsmith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.importers.chatshape.ChatMessages;
import dev.tracehound.importers.otlp.spans.Ids;
import dev.tracehound.importers.read.Json;
import dev.tracehound.importers.otlp.spans.ObservedSpan;
import dev.tracehound.importers.otlp.spans.RetrievedDocument;
import dev.tracehound.importers.otlp.spans.SpanRole;
import dev.tracehound.importers.otlp.spans.Times;
import dev.tracehound.importers.chatshape.ToolCall;
import java.util.Locale;

/**
 * One LangSmith run to an {@link ObservedSpan}. LangSmith's "session" ({@code session_name},
 * {@code session_id}) is a tracing project, not a conversation, so the session is a conversation named in
 * {@code extra.metadata} ({@code session_id}, {@code conversation_id}, {@code thread_id}, as LangSmith threads
 * use them) or else the trace.
 */
final class LangSmithRuns {
    private LangSmithRuns() {}

    static ObservedSpan read(JsonNode run, String locator) {
        ObservedSpan s = new ObservedSpan();
        DottedOrder dotted = DottedOrder.parse(Json.firstText(run, "dotted_order"));
        s.locator = locator;
        s.spanId = Ids.normalise(RunAssembler.id(run));
        s.traceId = Ids.normalise(firstNonNull(Json.firstText(run, "trace_id"), dotted.traceId(), s.spanId));
        s.parentSpanId = Ids.normalise(firstNonNull(Json.firstText(run, "parent_run_id"), dotted.parentId()));
        s.name = Json.firstText(run, "name");
        JsonNode metadata = metadata(run);
        String session = Json.firstText(metadata, "session_id", "conversation_id", "thread_id");
        s.sessionId = session != null ? session : s.traceId;
        Long start = Times.anyTime(run.get("start_time"));
        if (start == null) start = dotted.startNanos();
        Long end = Times.anyTime(run.get("end_time"));
        s.timeInferred = start == null;
        s.startNanos = start == null ? 0 : start;
        s.endNanos = end == null ? s.startNanos : end;
        String error = Json.text(run.get("error"));
        s.error = error != null && !error.isBlank() || "error".equalsIgnoreCase(Json.firstText(run, "status"));
        s.errorMessage = error;
        s.provider = Json.firstText(metadata, "ls_provider");
        s.agentName = Json.firstText(metadata, "lc_agent_name", "agent_name");
        JsonNode inputs = Json.decodeNested(run.get("inputs"));
        JsonNode outputs = Json.decodeNested(run.get("outputs"));
        s.role = role(Json.firstText(run, "run_type"));
        switch (s.role) {
            case MODEL -> model(run, s, inputs, outputs, metadata);
            case TOOL -> {
                s.toolName = s.name;
                s.toolArguments = toolArguments(inputs);
                s.toolResult = outputs != null && outputs.isObject() && outputs.size() == 1 && outputs.has("output")
                        ? Json.decodeNested(outputs.get("output")) : outputs;
                s.toolCallId = toolCallId(inputs, s.toolResult);
            }
            case RETRIEVAL -> {
                JsonNode docs = outputs == null ? null : outputs.get("documents");
                if (docs != null && docs.isArray()) {
                    for (JsonNode d : docs) {
                        JsonNode body = d.has("kwargs") ? d.get("kwargs") : d;
                        s.documents.add(new RetrievedDocument(Json.firstText(body, "id"),
                                Json.firstText(body, "page_content", "pageContent", "content"),
                                Json.doubleValue(body.get("score")), body.get("metadata")));
                    }
                }
                s.query = inputs == null ? null : Json.firstText(inputs, "query", "input");
                s.input = inputs;
                s.output = outputs;
            }
            case AGENT, OTHER -> {
                s.input = inputs;
                s.output = outputs;
                if (s.role == SpanRole.OTHER) s.raw = run;
            }
        }
        return s;
    }

    static SpanRole role(String runType) {
        if (runType == null) return SpanRole.OTHER;
        return switch (runType.toLowerCase(Locale.ROOT)) {
            case "llm" -> SpanRole.MODEL;
            case "tool" -> SpanRole.TOOL;
            case "retriever" -> SpanRole.RETRIEVAL;
            case "chain", "prompt", "parser", "embedding" -> SpanRole.AGENT;
            default -> SpanRole.OTHER;
        };
    }

    private static void model(JsonNode run, ObservedSpan s, JsonNode inputs, JsonNode outputs, JsonNode metadata) {
        s.inputMessages.addAll(ChatMessages.fromInput(inputs));
        s.outputMessages.addAll(ChatMessages.fromOutput(outputs));
        s.finishReason = ChatMessages.finishReason(outputs);
        JsonNode invocation = run.path("extra").path("invocation_params");
        s.model = firstNonNull(outputs == null ? null : Json.firstText(outputs, "model"),
                Json.firstText(invocation, "model", "model_name"), Json.firstText(metadata, "ls_model_name"),
                inputs == null ? null : Json.firstText(inputs, "model"));
        ObjectNode params = Json.object();
        if (invocation.isObject()) params.setAll((ObjectNode) invocation.deepCopy());
        else if (inputs != null && inputs.isObject()) {
            inputs.properties().forEach(e -> {
                if (!e.getKey().equals("messages") && !e.getKey().equals("prompts")) params.set(e.getKey(), e.getValue());
            });
        }
        JsonNode tools = params.remove("tools");
        if (tools != null && tools.isArray()) tools.forEach(s.tools::add);
        s.params = params;
        JsonNode usage = outputs == null ? null : outputs.get("usage_metadata");
        JsonNode openAi = outputs == null ? null : outputs.get("usage");
        JsonNode llmOutput = outputs == null ? null : outputs.path("llm_output").path("token_usage");
        s.inputTokens = firstLong(Json.longValue(field(usage, "input_tokens")), Json.longValue(field(openAi, "prompt_tokens")),
                Json.longValue(field(openAi, "input_tokens")), Json.longValue(field(llmOutput, "prompt_tokens")),
                Json.longValue(run.get("prompt_tokens")));
        s.outputTokens = firstLong(Json.longValue(field(usage, "output_tokens")), Json.longValue(field(openAi, "completion_tokens")),
                Json.longValue(field(openAi, "output_tokens")), Json.longValue(field(llmOutput, "completion_tokens")),
                Json.longValue(run.get("completion_tokens")));
        s.costUsd = Json.doubleValue(run.get("total_cost"));
    }

    /** Tool inputs: {@code {"input": "<json>"}} as LangChain passes a single string, else the inputs object. */
    private static JsonNode toolArguments(JsonNode inputs) {
        if (inputs == null) return null;
        if (inputs.isObject() && inputs.size() == 1 && inputs.has("input")) return ToolCall.of(null, null, inputs.get("input")).arguments();
        return inputs;
    }

    private static String toolCallId(JsonNode inputs, JsonNode result) {
        String id = inputs == null ? null : Json.firstText(inputs, "tool_call_id");
        if (id != null) return id;
        if (result != null && result.isObject()) {
            JsonNode body = result.has("kwargs") ? result.get("kwargs") : result;
            return Json.firstText(body, "tool_call_id");
        }
        return null;
    }

    private static JsonNode metadata(JsonNode run) {
        JsonNode m = run.path("extra").path("metadata");
        return m.isObject() ? m : Json.object();
    }

    private static JsonNode field(JsonNode n, String f) {
        return n == null ? null : n.get(f);
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) return v;
        }
        return null;
    }

    private static Long firstLong(Long... values) {
        return firstNonNull(values);
    }
}
