package dev.tracehound.importers.otlp;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tracehound.importers.read.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;

/**
 * Writes an OTLP JSONL file (one ExportTraceServiceRequest per line, as the collector's file exporter does) of
 * realistic GenAI spans of about 1 KB each, for {@code bench --import} and load tests. Each trace is one agent
 * turn: an invoke_agent span, a chat span that asks for a tool, the execute_tool span, and a chat span that
 * answers, in the current GenAI conventions; every tenth trace uses OpenInference attributes instead.
 * Deterministic for a given seed.
 */
public final class SyntheticOtlp {
    private static final String[] WORDS = ("the invoice customer refund policy account shipping order weather Paris "
            + "calendar meeting report quarterly revenue database query ticket escalation password reset summary "
            + "document search result agent tool model answer please check status update delivery address").split(" ");
    private static final String[] TOOLS = {"get_weather", "search_docs", "lookup_order", "send_email", "list_events"};
    private static final int SPANS_PER_TRACE = 4;
    private static final int TRACES_PER_LINE = 5;

    private final Random random;
    private final HexFormat hex = HexFormat.of();
    private long clock = 1_760_000_000_000_000_000L;

    private SyntheticOtlp(long seed) {
        this.random = new Random(seed);
    }

    /** Writes at least {@code spans} spans to {@code file}; returns the number written. */
    public static long write(Path file, long spans, long seed) throws IOException {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20)) {
            return new SyntheticOtlp(seed).writeTo(out, spans);
        }
    }

    private long writeTo(Writer out, long spans) throws IOException {
        long written = 0;
        long trace = 0;
        while (written < spans) {
            try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(new NonClosing(out))) {
                g.writeStartObject();
                g.writeArrayFieldStart("resourceSpans");
                g.writeStartObject();
                g.writeObjectFieldStart("resource");
                g.writeArrayFieldStart("attributes");
                attr(g, "service.name", "support-agent");
                g.writeEndArray();
                g.writeEndObject();
                g.writeArrayFieldStart("scopeSpans");
                g.writeStartObject();
                g.writeObjectFieldStart("scope");
                g.writeStringField("name", "opentelemetry.instrumentation.genai");
                g.writeEndObject();
                g.writeArrayFieldStart("spans");
                for (int t = 0; t < TRACES_PER_LINE && written < spans; t++, trace++) {
                    writeTrace(g, trace);
                    written += SPANS_PER_TRACE;
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            out.write('\n');
        }
        return written;
    }

    private void writeTrace(JsonGenerator g, long n) throws IOException {
        String traceId = id(16);
        String agent = id(8);
        String conversation = "conv-" + (n / 3);
        String tool = TOOLS[random.nextInt(TOOLS.length)];
        String callId = "call_" + id(8);
        String question = sentence(18);
        String args = "{\"query\":\"" + sentence(6) + "\"}";
        String result = sentence(40);
        boolean openInference = n % 10 == 9;
        long start = clock;
        clock += 5_000_000_000L;
        span(g, traceId, id(8), agent, "chat gpt-4o", start + 100_000_000L, start + 1_200_000_000L, openInference
                ? openInferenceChat(conversation, question, null, tool, callId, args)
                : chat(conversation, question, null, tool, callId, args));
        span(g, traceId, id(8), agent, "execute_tool " + tool, start + 1_300_000_000L, start + 2_000_000_000L,
                toolAttributes(conversation, tool, callId, args, result, openInference));
        span(g, traceId, id(8), agent, "chat gpt-4o", start + 2_100_000_000L, start + 4_000_000_000L, openInference
                ? openInferenceChat(conversation, question, result, tool, callId, args)
                : chat(conversation, question, result, tool, callId, args));
        span(g, traceId, agent, null, "invoke_agent support", start, start + 4_500_000_000L, new String[][] {
                {"gen_ai.operation.name", "invoke_agent"}, {"gen_ai.agent.name", "support"}, {"gen_ai.conversation.id", conversation}});
    }

    private String[][] chat(String conversation, String question, String toolResult, String tool, String callId, String args) {
        String input = "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"" + question + "\"}]}"
                + (toolResult == null ? "" : ",{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"" + callId
                + "\",\"name\":\"" + tool + "\",\"arguments\":" + args + "}]},{\"role\":\"tool\",\"parts\":[{\"type\":"
                + "\"tool_call_response\",\"id\":\"" + callId + "\",\"response\":\"" + toolResult + "\"}]}") + "]";
        String output = toolResult == null
                ? "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"" + callId + "\",\"name\":\"" + tool
                + "\",\"arguments\":" + args + "}],\"finish_reason\":\"tool_call\"}]"
                : "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"" + sentence(30) + "\"}],\"finish_reason\":\"stop\"}]";
        return new String[][] {
                {"gen_ai.operation.name", "chat"}, {"gen_ai.provider.name", "openai"}, {"gen_ai.request.model", "gpt-4o"},
                {"gen_ai.response.model", "gpt-4o-2024-08-06"}, {"gen_ai.conversation.id", conversation},
                {"gen_ai.system_instructions", "[{\"type\":\"text\",\"content\":\"You are a support agent. Be brief.\"}]"},
                {"gen_ai.input.messages", input}, {"gen_ai.output.messages", output},
                {"gen_ai.usage.input_tokens", "#" + (200 + random.nextInt(800))}, {"gen_ai.usage.output_tokens", "#" + (10 + random.nextInt(200))}};
    }

    private String[][] openInferenceChat(String conversation, String question, String toolResult, String tool, String callId, String args) {
        String escapedArgs = args.replace("\"", "\\\"");
        return toolResult == null ? new String[][] {
                {"openinference.span.kind", "LLM"}, {"llm.model_name", "gpt-4o"}, {"llm.provider", "openai"}, {"session.id", conversation},
                {"llm.input_messages.0.message.role", "user"}, {"llm.input_messages.0.message.content", question},
                {"llm.output_messages.0.message.role", "assistant"},
                {"llm.output_messages.0.message.tool_calls.0.tool_call.id", callId},
                {"llm.output_messages.0.message.tool_calls.0.tool_call.function.name", tool},
                {"llm.output_messages.0.message.tool_calls.0.tool_call.function.arguments", args},
                {"llm.token_count.prompt", "#" + (200 + random.nextInt(800))}, {"llm.token_count.completion", "#" + (10 + random.nextInt(200))},
                {"input.value", "{\"messages\":[{\"role\":\"user\",\"content\":\"" + question + "\"}],\"tools\":[{\"name\":\"" + tool + "\",\"args\":\"" + escapedArgs + "\"}]}"}}
                : new String[][] {
                {"openinference.span.kind", "LLM"}, {"llm.model_name", "gpt-4o"}, {"llm.provider", "openai"}, {"session.id", conversation},
                {"llm.input_messages.0.message.role", "user"}, {"llm.input_messages.0.message.content", question},
                {"llm.input_messages.1.message.role", "tool"}, {"llm.input_messages.1.message.content", toolResult},
                {"llm.input_messages.1.message.tool_call_id", callId},
                {"llm.output_messages.0.message.role", "assistant"}, {"llm.output_messages.0.message.content", sentence(30)},
                {"llm.token_count.prompt", "#" + (200 + random.nextInt(800))}, {"llm.token_count.completion", "#" + (10 + random.nextInt(200))}};
    }

    private static String[][] toolAttributes(String conversation, String tool, String callId, String args, String result, boolean openInference) {
        return openInference ? new String[][] {
                {"openinference.span.kind", "TOOL"}, {"tool.name", tool}, {"session.id", conversation},
                {"input.value", args}, {"output.value", result}}
                : new String[][] {
                {"gen_ai.operation.name", "execute_tool"}, {"gen_ai.tool.name", tool}, {"gen_ai.tool.call.id", callId},
                {"gen_ai.tool.call.arguments", args}, {"gen_ai.tool.call.result", result}};
    }

    private static void span(JsonGenerator g, String traceId, String spanId, String parent, String name, long start, long end,
            String[][] attributes) throws IOException {
        g.writeStartObject();
        g.writeStringField("traceId", traceId);
        g.writeStringField("spanId", spanId);
        if (parent != null) g.writeStringField("parentSpanId", parent);
        g.writeStringField("name", name);
        g.writeNumberField("kind", 3);
        g.writeStringField("startTimeUnixNano", Long.toString(start));
        g.writeStringField("endTimeUnixNano", Long.toString(end));
        g.writeArrayFieldStart("attributes");
        for (String[] kv : attributes) {
            if (kv[1].startsWith("#")) intAttr(g, kv[0], kv[1].substring(1));
            else attr(g, kv[0], kv[1]);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("status");
        g.writeStringField("code", "STATUS_CODE_OK");
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void attr(JsonGenerator g, String key, String value) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", key);
        g.writeObjectFieldStart("value");
        g.writeStringField("stringValue", value);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void intAttr(JsonGenerator g, String key, String value) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", key);
        g.writeObjectFieldStart("value");
        g.writeStringField("intValue", value);
        g.writeEndObject();
        g.writeEndObject();
    }

    private String sentence(int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) sb.append(' ');
            sb.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    private String id(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        b[0] |= 1; // never all zeros
        return hex.formatHex(b);
    }

    /** The generator closes per line; the file stays open. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** {@code SyntheticOtlp FILE SPANS [SEED]} */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SyntheticOtlp FILE SPANS [SEED]");
            System.exit(2);
        }
        long n = write(Path.of(args[0]), Long.parseLong(args[1]), args.length > 2 ? Long.parseLong(args[2]) : 42);
        System.out.println(n + " spans written to " + args[0] + " (" + Files.size(Path.of(args[0])) + " bytes)");
    }
}
