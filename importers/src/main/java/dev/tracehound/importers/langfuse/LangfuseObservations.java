package dev.tracehound.importers.langfuse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.importers.otlp.genai.OtelAttributes;
import dev.tracehound.importers.chatshape.ChatMessage;
import dev.tracehound.importers.chatshape.ChatMessages;
import dev.tracehound.importers.otlp.spans.Ids;
import dev.tracehound.importers.read.Json;
import dev.tracehound.importers.otlp.spans.ObservedSpan;
import dev.tracehound.importers.otlp.spans.RetrievedDocument;
import dev.tracehound.importers.otlp.spans.SpanRole;
import dev.tracehound.importers.otlp.spans.Times;
import dev.tracehound.importers.chatshape.ToolCall;
import dev.tracehound.importers.otlp.spans.Truncation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Langfuse observation to an {@link ObservedSpan}. Input and output are decoded however often they were
 * JSON-encoded; for OTel-ingested data the original span attributes in {@code metadata.attributes} fill in what
 * Langfuse's own fields lack (tool names and call ids, the provider, what a plain SPAN really was).
 */
final class LangfuseObservations {
    private LangfuseObservations() {}

    static ObservedSpan read(JsonNode o, String traceId, String sessionId, String locator) {
        ObservedSpan s = new ObservedSpan();
        s.locator = locator;
        s.traceId = Ids.normalise(Json.firstText(o, "traceId") != null ? Json.firstText(o, "traceId") : traceId);
        s.spanId = Ids.normalise(Json.firstText(o, "id"));
        s.parentSpanId = Ids.normalise(Json.firstText(o, "parentObservationId"));
        s.sessionId = sessionId;
        s.name = Json.firstText(o, "name");
        Long start = Times.anyTime(o.get("startTime"));
        Long end = Times.anyTime(o.get("endTime"));
        if (start == null) start = Times.anyTime(o.get("timestamp"));
        if (start == null) s.timeInferred = true;
        s.startNanos = start == null ? 0 : start;
        s.endNanos = end == null ? s.startNanos : end;
        Map<String, JsonNode> attributes = attributes(o);
        s.role = role(Json.firstText(o, "type"), attributes);
        s.model = Json.firstText(o, "model", "providedModelName", "internalModel");
        s.provider = provider(o, attributes);
        s.agentName = OtelAttributes.first(attributes, "gen_ai.agent.name");
        if (s.agentName == null && "AGENT".equalsIgnoreCase(Json.firstText(o, "type"))) s.agentName = s.name;
        String level = Json.firstText(o, "level");
        s.error = "ERROR".equalsIgnoreCase(level);
        if (s.error) s.errorMessage = Json.firstText(o, "statusMessage");
        JsonNode input = o.get("input");
        JsonNode output = o.get("output");
        s.contentTruncated = truncated(input) || truncated(output);
        JsonNode in = Json.decodeNested(input);
        JsonNode out = Json.decodeNested(output);
        switch (s.role) {
            case MODEL -> generation(o, s, in, out, attributes);
            case TOOL -> {
                s.toolName = OtelAttributes.first(attributes, "gen_ai.tool.name", "ai.toolCall.name", "tool.name");
                if (s.toolName == null) s.toolName = toolNameFromObservationName(s.name);
                s.toolCallId = OtelAttributes.first(attributes, "gen_ai.tool.call.id", "ai.toolCall.id", "tool_call.id");
                s.toolArguments = in == null ? null : ToolCall.of(null, null, in).arguments();
                s.toolResult = out;
            }
            case RETRIEVAL -> {
                s.documents.addAll(documents(out));
                s.query = Json.text(in);
                s.input = in;
                s.output = out;
            }
            case AGENT, OTHER -> {
                s.input = in;
                s.output = out;
                if (s.role == SpanRole.OTHER) {
                    ObjectNode raw = Json.object();
                    raw.put("type", Json.firstText(o, "type"));
                    raw.set("input", in);
                    raw.set("output", out);
                    raw.set("metadata", Json.decodeNested(o.get("metadata")));
                    s.raw = raw;
                }
            }
        }
        return s;
    }

    private static void generation(JsonNode o, ObservedSpan s, JsonNode in, JsonNode out, Map<String, JsonNode> attrs) {
        s.inputMessages.addAll(ChatMessages.fromInput(in));
        List<ChatMessage> outputs = ChatMessages.fromOutput(out);
        s.outputMessages.addAll(outputs);
        addLangfuseToolCalls(o, s);
        s.finishReason = ChatMessages.finishReason(out);
        JsonNode params = o.get("modelParameters");
        if (params != null && params.isObject()) s.params = (ObjectNode) params.deepCopy();
        JsonNode defs = Json.decodeNested(o.get("toolDefinitions"));
        if (defs != null && defs.isObject()) defs.properties().forEach(e -> s.tools.add(Json.decodeNested(e.getValue())));
        else if (defs != null && defs.isArray()) defs.forEach(d -> s.tools.add(Json.decodeNested(d)));
        JsonNode metadata = Json.decodeNested(o.get("metadata"));
        if (s.tools.isEmpty() && metadata != null && metadata.get("tools") != null && metadata.get("tools").isArray()) {
            metadata.get("tools").forEach(t -> s.tools.add(Json.decodeNested(t)));
        }
        JsonNode usage = firstObject(o, "usageDetails", "usage");
        s.inputTokens = firstLong(usage, "input", "promptTokens", "prompt_tokens", "input_tokens");
        s.outputTokens = firstLong(usage, "output", "completionTokens", "completion_tokens", "output_tokens");
        if (s.inputTokens == null) s.inputTokens = Json.longValue(o.get("inputUsage"));
        if (s.outputTokens == null) s.outputTokens = Json.longValue(o.get("outputUsage"));
        JsonNode cost = firstObject(o, "costDetails");
        s.costUsd = cost != null ? Json.doubleValue(cost.get("total")) : null;
        if (s.costUsd == null) s.costUsd = Json.doubleValue(o.get("calculatedTotalCost"));
        if (s.costUsd == null) s.costUsd = Json.doubleValue(o.get("totalCost"));
        if (s.model == null) s.model = OtelAttributes.first(attrs, "gen_ai.response.model", "gen_ai.request.model", "llm.model_name");
    }

    /**
     * Langfuse's own extraction ({@code toolCalls} as JSON strings with {@code toolCallNames} beside them) is
     * used when the output itself did not yield the calls.
     */
    private static void addLangfuseToolCalls(JsonNode o, ObservedSpan s) {
        boolean haveCalls = s.outputMessages.stream().anyMatch(m -> !m.toolCalls().isEmpty());
        JsonNode calls = o.get("toolCalls");
        if (haveCalls || calls == null || !calls.isArray() || calls.isEmpty()) return;
        JsonNode names = o.get("toolCallNames");
        List<ToolCall> found = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            JsonNode c = Json.decodeNested(calls.get(i));
            String name = Json.firstText(c, "name");
            if (name == null && names != null && names.size() > i) name = names.get(i).asText();
            found.add(ToolCall.of(Json.firstText(c, "id", "call_id"), name, c.has("arguments") ? c.get("arguments") : c.get("input")));
        }
        s.outputMessages.add(new ChatMessage("assistant", null, found, null, null));
    }

    static SpanRole role(String type, Map<String, JsonNode> attributes) {
        String t = type == null ? "" : type.toUpperCase(Locale.ROOT);
        return switch (t) {
            case "GENERATION" -> SpanRole.MODEL;
            case "TOOL" -> SpanRole.TOOL;
            case "RETRIEVER" -> SpanRole.RETRIEVAL;
            case "AGENT", "CHAIN", "EVALUATOR", "GUARDRAIL", "EMBEDDING" -> SpanRole.AGENT;
            default -> {
                // A plain SPAN or EVENT: the original OTel attributes may say what it was.
                SpanRole fromAttributes = attributes.isEmpty() ? SpanRole.OTHER : OtelAttributes.role(attributes);
                if (fromAttributes == SpanRole.MODEL) yield SpanRole.AGENT; // no usage or model fields: keep it a step
                if (fromAttributes != SpanRole.OTHER) yield fromAttributes;
                yield "SPAN".equals(t) ? SpanRole.AGENT : SpanRole.OTHER;
            }
        };
    }

    /** The OTel attributes Langfuse keeps in metadata (a JSON string or object), as a flat map. */
    static Map<String, JsonNode> attributes(JsonNode observation) {
        JsonNode metadata = Json.decodeNested(observation.get("metadata"));
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (metadata == null || !metadata.isObject()) return out;
        JsonNode attrs = metadata.get("attributes");
        if (attrs != null && attrs.isObject()) attrs.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        // LangChain callbacks write metadata keys directly (thread_id, ls_provider): visible under their names.
        metadata.properties().forEach(e -> {
            if (!e.getKey().equals("attributes") && !e.getKey().equals("resourceAttributes") && !e.getKey().equals("scope")) {
                out.putIfAbsent("metadata." + e.getKey(), e.getValue());
            }
        });
        return out;
    }

    private static String provider(JsonNode o, Map<String, JsonNode> attributes) {
        String p = OtelAttributes.provider(attributes);
        if (p == null) p = OtelAttributes.first(attributes, "metadata.ls_provider");
        if (p == null) {
            JsonNode params = o.get("modelParameters");
            String system = params == null ? null : Json.firstText(params, "system");
            if (system != null) p = system.toLowerCase(Locale.ROOT).split("\\.")[0];
        }
        return p;
    }

    /** pydantic-ai names tool spans "running tool: get_weather". */
    private static String toolNameFromObservationName(String name) {
        if (name == null) return null;
        String prefix = "running tool: ";
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    static boolean truncated(JsonNode raw) {
        if (raw == null || raw.isNull()) return false;
        if (raw.isTextual()) return Truncation.isMarked(raw.asText());
        if (raw.isContainerNode()) {
            String s = raw.toString();
            return s.length() > 20 && Truncation.isMarked(s);
        }
        return false;
    }

    private static List<RetrievedDocument> documents(JsonNode out) {
        List<RetrievedDocument> docs = new ArrayList<>();
        JsonNode list = out;
        if (list != null && list.isObject()) list = list.has("documents") ? list.get("documents") : list.get("output");
        if (list == null || !list.isArray()) return docs;
        for (JsonNode d : list) {
            if (d.isTextual()) docs.add(new RetrievedDocument(null, d.asText(), null, null));
            else if (d.isObject()) {
                docs.add(new RetrievedDocument(Json.firstText(d, "id"), Json.firstText(d, "page_content", "pageContent", "content", "text"),
                        Json.doubleValue(d.get("score")), d.get("metadata")));
            }
        }
        return docs;
    }

    private static JsonNode firstObject(JsonNode o, String... fields) {
        for (String f : fields) {
            JsonNode v = Json.decodeNested(o.get(f));
            if (v != null && v.isObject() && !v.isEmpty()) return v;
        }
        return null;
    }

    private static Long firstLong(JsonNode n, String... fields) {
        if (n == null) return null;
        for (String f : fields) {
            Long v = Json.longValue(n.get(f));
            if (v != null) return v;
        }
        return null;
    }
}
