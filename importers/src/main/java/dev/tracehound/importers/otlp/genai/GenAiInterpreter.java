package dev.tracehound.importers.otlp.genai;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.importers.chatshape.ChatMessage;
import dev.tracehound.importers.chatshape.ChatMessages;
import dev.tracehound.importers.read.Json;
import dev.tracehound.importers.otlp.spans.ObservedSpan;
import dev.tracehound.importers.otlp.spans.RetrievedDocument;
import dev.tracehound.importers.otlp.spans.SpanRole;
import dev.tracehound.importers.chatshape.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads what an OTLP span means from its attributes, whichever generation of conventions wrote them: current
 * OTel GenAI, the deprecated message events, OpenLLMetry's indexed attributes, OpenInference, and the Vercel
 * AI SDK's {@code ai.*}. Where several are present the most structured wins (current GenAI first).
 */
public final class GenAiInterpreter {
    private GenAiInterpreter() {}

    public static ObservedSpan interpret(OtlpSpan s, String sessionId) {
        ObservedSpan o = new ObservedSpan();
        o.locator = s.locator();
        o.traceId = s.traceId();
        o.spanId = s.spanId();
        o.parentSpanId = s.parentSpanId();
        o.sessionId = sessionId;
        o.name = s.name();
        if (s.startNanos() != null) {
            o.startNanos = s.startNanos();
            o.endNanos = s.endNanos() != null ? s.endNanos() : s.startNanos();
        } else {
            o.timeInferred = true;
        }
        o.role = role(s);
        o.provider = provider(s);
        o.model = first(s, "gen_ai.response.model", "gen_ai.request.model", "llm.model_name", "ai.model.id", "llm.response.model", "llm.request.model");
        o.agentName = first(s, "gen_ai.agent.name", "agent.name");
        if (o.agentName == null && "AGENT".equals(upper(s.text("openinference.span.kind")))) o.agentName = s.name();
        errors(s, o);
        switch (o.role) {
            case MODEL -> model(s, o);
            case TOOL -> tool(s, o);
            case RETRIEVAL -> retrieval(s, o);
            case AGENT, OTHER -> {
                o.input = firstValue(s, "input.value", "traceloop.entity.input", "gen_ai.input.messages", "ai.prompt");
                o.output = firstValue(s, "output.value", "traceloop.entity.output", "gen_ai.output.messages", "ai.response.toolCalls",
                        "ai.response.text");
                if (o.role == SpanRole.OTHER) o.raw = rawAttributes(s);
            }
        }
        return o;
    }

    static SpanRole role(OtlpSpan s) {
        String oi = upper(s.text("openinference.span.kind"));
        if (oi != null) {
            switch (oi) {
                case "LLM": return SpanRole.MODEL;
                case "TOOL": return SpanRole.TOOL;
                case "RETRIEVER", "RERANKER": return SpanRole.RETRIEVAL;
                case "CHAIN", "AGENT", "GUARDRAIL", "EVALUATOR", "EMBEDDING", "PROMPT": return SpanRole.AGENT;
                default: break;
            }
        }
        String op = lower(s.text("gen_ai.operation.name"));
        if (op != null) {
            switch (op) {
                case "chat", "text_completion", "completion", "generate_content", "responses": return SpanRole.MODEL;
                case "execute_tool": return SpanRole.TOOL;
                case "retrieval", "retrieve": return SpanRole.RETRIEVAL;
                case "invoke_agent", "create_agent", "invoke_workflow", "embeddings", "chain": return SpanRole.AGENT;
                default: break;
            }
        }
        String ls = lower(s.text("langsmith.span.kind"));
        if (ls != null) {
            switch (ls) {
                case "llm": return SpanRole.MODEL;
                case "tool": return SpanRole.TOOL;
                case "retriever": return SpanRole.RETRIEVAL;
                case "chain", "prompt", "parser", "embedding": return SpanRole.AGENT;
                default: break;
            }
        }
        String tl = lower(s.text("traceloop.span.kind"));
        if ("tool".equals(tl)) return SpanRole.TOOL;
        if (tl != null && (tl.equals("workflow") || tl.equals("task") || tl.equals("agent"))) return SpanRole.AGENT;
        String reqType = lower(s.text("llm.request.type"));
        if ("chat".equals(reqType) || "completion".equals(reqType)) return SpanRole.MODEL;
        String aiOp = s.text("ai.operationId") != null ? s.text("ai.operationId") : s.text("operation.name");
        if (aiOp != null && aiOp.startsWith("ai.")) {
            if (aiOp.startsWith("ai.toolCall")) return SpanRole.TOOL;
            if (aiOp.endsWith(".doGenerate") || aiOp.endsWith(".doStream")) return SpanRole.MODEL;
            return SpanRole.AGENT;
        }
        Map<String, JsonNode> a = s.attributes();
        if (a.containsKey("gen_ai.input.messages") || a.containsKey("gen_ai.output.messages") || OpenLlmetry.present(s)
                || IndexedAttributes.any(a, "llm.input_messages.") || DeprecatedGenAiEvents.present(s)) {
            return SpanRole.MODEL;
        }
        if (a.containsKey("gen_ai.tool.name")) return SpanRole.TOOL;
        if (a.containsKey("gen_ai.request.model") || a.containsKey("gen_ai.system") || a.containsKey("gen_ai.provider.name")) {
            return SpanRole.MODEL;
        }
        return SpanRole.OTHER;
    }

    private static void model(OtlpSpan s, ObservedSpan o) {
        String[] finish = {null};
        List<ChatMessage> in = CurrentGenAi.input(s);
        List<ChatMessage> out = new ArrayList<>(CurrentGenAi.output(s));
        if (in.isEmpty() && out.isEmpty() && DeprecatedGenAiEvents.present(s)) DeprecatedGenAiEvents.read(s, in, out, finish);
        if (in.isEmpty() && out.isEmpty() && OpenLlmetry.present(s)) {
            in.addAll(OpenLlmetry.prompts(s));
            out.addAll(OpenLlmetry.completions(s));
            finish[0] = OpenLlmetry.finishReason(s);
        }
        if (in.isEmpty()) in.addAll(OpenInference.inputMessages(s));
        if (out.isEmpty()) out.addAll(OpenInference.outputMessages(s));
        if (in.isEmpty()) in.addAll(OpenInference.messagesFromValue(firstValue(s, "input.value", "gen_ai.prompt", "ai.prompt.messages", "ai.prompt", "input"), false));
        if (out.isEmpty()) out.addAll(OpenInference.messagesFromValue(firstValue(s, "output.value", "gen_ai.completion", "output"), true));
        if (out.isEmpty()) out.addAll(vercelOutput(s));
        o.inputMessages.addAll(in);
        o.outputMessages.addAll(out);
        o.finishReason = finish[0] != null ? finish[0] : CurrentGenAi.finishReason(s);
        if (o.finishReason == null) o.finishReason = first(s, "ai.response.finishReason");
        if (o.finishReason == null) o.finishReason = ChatMessages.finishReason(firstValue(s, "output.value", "gen_ai.completion", "output"));
        o.tools.addAll(CurrentGenAi.tools(s));
        if (o.tools.isEmpty()) o.tools.addAll(OpenInference.tools(s));
        if (o.tools.isEmpty()) o.tools.addAll(OpenLlmetry.tools(s));
        if (o.tools.isEmpty()) {
            JsonNode vt = CurrentGenAi.structured(s.attr("ai.prompt.tools"));
            if (vt != null && vt.isArray()) vt.forEach(t -> o.tools.add(CurrentGenAi.structured(t)));
        }
        o.params = params(s);
        o.inputTokens = firstLong(s, "gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens", "llm.token_count.prompt",
                "llm.usage.prompt_tokens", "ai.usage.promptTokens", "ai.usage.inputTokens");
        o.outputTokens = firstLong(s, "gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens", "llm.token_count.completion",
                "llm.usage.completion_tokens", "ai.usage.completionTokens", "ai.usage.outputTokens");
        o.costUsd = Json.doubleValue(firstValue(s, "gen_ai.usage.cost", "llm.cost.total"));
    }

    private static List<ChatMessage> vercelOutput(OtlpSpan s) {
        String text = s.text("ai.response.text");
        JsonNode calls = CurrentGenAi.structured(s.attr("ai.response.toolCalls"));
        List<ToolCall> tc = new ArrayList<>();
        if (calls != null && calls.isArray()) {
            for (JsonNode c : calls) tc.add(ToolCall.of(Json.firstText(c, "toolCallId"), Json.firstText(c, "toolName"), c.has("args") ? c.get("args") : c.get("input")));
        }
        if (text == null && tc.isEmpty()) return List.of();
        return List.of(new ChatMessage("assistant", text, tc, null, null));
    }

    private static void tool(OtlpSpan s, ObservedSpan o) {
        o.toolName = first(s, "gen_ai.tool.name", "tool.name", "ai.toolCall.name", "tool_call.function.name", "traceloop.entity.name");
        if (o.toolName == null) o.toolName = s.name();
        o.toolCallId = first(s, "gen_ai.tool.call.id", "tool_call.id", "ai.toolCall.id");
        JsonNode args = firstValue(s, "gen_ai.tool.call.arguments", "tool_call.function.arguments", "input.value",
                "ai.toolCall.args", "ai.toolCall.input", "traceloop.entity.input", "input");
        o.toolArguments = args == null ? null : ToolCall.of(null, null, args).arguments();
        o.toolResult = firstValue(s, "gen_ai.tool.call.result", "output.value", "ai.toolCall.result", "ai.toolCall.output",
                "traceloop.entity.output", "output");
    }

    private static void retrieval(OtlpSpan s, ObservedSpan o) {
        List<RetrievedDocument> docs = OpenInference.documents(s);
        if (docs.isEmpty()) {
            JsonNode current = CurrentGenAi.structured(s.attr("gen_ai.retrieval.documents"));
            if (current != null && current.isArray()) {
                for (JsonNode d : current) {
                    docs.add(new RetrievedDocument(Json.firstText(d, "id"), Json.firstText(d, "content", "text"),
                            Json.doubleValue(d.get("score")), d.get("metadata")));
                }
            }
        }
        o.documents.addAll(docs);
        o.query = first(s, "gen_ai.retrieval.query.text", "input.value");
        o.input = firstValue(s, "input.value");
        o.output = firstValue(s, "output.value");
    }

    private static void errors(OtlpSpan s, ObservedSpan o) {
        String exception = null;
        for (OtlpSpan.SpanEvent e : s.events()) {
            if ("exception".equals(e.name())) {
                JsonNode msg = e.attributes().get("exception.message");
                JsonNode type = e.attributes().get("exception.type");
                exception = (type != null ? type.asText() + ": " : "") + (msg != null ? msg.asText() : "");
            }
        }
        o.error = s.isError();
        if (o.error) {
            o.errorMessage = s.statusMessage() != null && !s.statusMessage().isEmpty() ? s.statusMessage()
                    : exception != null ? exception : s.text("error.type");
        }
    }

    private static ObjectNode params(OtlpSpan s) {
        ObjectNode p = Json.object();
        JsonNode invocation = CurrentGenAi.structured(s.attr("llm.invocation_parameters"));
        if (invocation != null && invocation.isObject()) p.setAll((ObjectNode) invocation.deepCopy());
        for (Map.Entry<String, JsonNode> e : s.attributes().entrySet()) {
            String k = e.getKey();
            if (k.startsWith("gen_ai.request.") && !k.equals("gen_ai.request.model")) p.set(k.substring("gen_ai.request.".length()), e.getValue());
            else if (k.startsWith("ai.settings.")) p.set(k.substring("ai.settings.".length()), e.getValue());
        }
        String model = first(s, "gen_ai.request.model");
        if (model != null && !p.has("model")) p.put("model", model);
        return p;
    }

    static String provider(OtlpSpan s) {
        String p = first(s, "gen_ai.provider.name", "gen_ai.system", "llm.provider", "llm.system", "ai.model.provider",
                "langsmith.metadata.ls_provider");
        if (p == null) {
            // LangChain instrumentations put ls_provider into a JSON "metadata" attribute.
            JsonNode metadata = CurrentGenAi.structured(s.attr("metadata"));
            p = metadata != null && metadata.isObject() ? Json.firstText(metadata, "ls_provider") : null;
        }
        if (p == null) return null;
        p = p.toLowerCase(Locale.ROOT);
        int dot = p.indexOf('.');
        // The Vercel AI SDK writes "openai.responses" / "anthropic.messages": the provider is the first word.
        if (dot > 0 && s.text("gen_ai.provider.name") == null && !p.startsWith("aws.") && !p.startsWith("gcp.") && !p.startsWith("azure.")) {
            p = p.substring(0, dot);
        }
        return p;
    }

    private static ObjectNode rawAttributes(OtlpSpan s) {
        ObjectNode raw = Json.object();
        ObjectNode attrs = raw.putObject("attributes");
        s.attributes().forEach(attrs::set);
        raw.put("kind", s.kind());
        if (s.scopeName() != null) raw.put("scope", s.scopeName());
        return raw;
    }

    private static String first(OtlpSpan s, String... keys) {
        for (String k : keys) {
            String v = s.text(k);
            if (v != null && !v.isEmpty()) return v;
        }
        return null;
    }

    private static JsonNode firstValue(OtlpSpan s, String... keys) {
        for (String k : keys) {
            JsonNode v = s.attr(k);
            if (v != null && !v.isNull()) return CurrentGenAi.structured(v);
        }
        return null;
    }

    private static Long firstLong(OtlpSpan s, String... keys) {
        for (String k : keys) {
            Long v = Json.longValue(s.attr(k));
            if (v != null) return v;
        }
        return null;
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
