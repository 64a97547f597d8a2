package dev.tracehound.importers.claudecode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.importers.EventSink;
import dev.tracehound.importers.FileHead;
import dev.tracehound.importers.ImportSource;
import dev.tracehound.importers.Importer;
import dev.tracehound.importers.chatshape.Arguments;
import dev.tracehound.importers.chatshape.ChatMessages;
import dev.tracehound.importers.chatshape.ToolCall;
import dev.tracehound.importers.chat.Usage;
import dev.tracehound.importers.read.EvidenceStreams;
import dev.tracehound.importers.read.HeadSniffer;
import dev.tracehound.importers.read.InferredTimes;
import dev.tracehound.importers.read.Json;
import dev.tracehound.importers.read.JsonArrayRecords;
import dev.tracehound.importers.read.JsonlRecords;
import dev.tracehound.importers.read.Locators;
import dev.tracehound.importers.read.RecordRejected;
import dev.tracehound.importers.read.SessionSequences;
import dev.tracehound.importers.read.Times;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventFlag;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Claude Code session logs ({@code ~/.claude/projects/<project>/<session>.jsonl}). One line per record:
 * {@code user} lines carry prompts and tool_result blocks, {@code assistant} lines carry model output, and
 * one API response streamed over several lines (same {@code message.id}) becomes one MODEL_RESPONSE with
 * its content merged and its usage counted once. Sidechain lines (sub-agents started by the Task tool)
 * form their own session {@code <sessionId>:<agentId>} whose root points at the Task call.
 */
public final class ClaudeCodeImporter implements Importer {
    private static final Set<String> LINE_TYPES = Set.of("user", "assistant", "system", "summary");
    private static final int MAX_REMEMBERED_TOOL_CALLS = 100_000;

    @Override
    public String format() {
        return "claude-code";
    }

    @Override
    public String description() {
        return "Claude Code session JSONL (~/.claude/projects/*/*.jsonl), sub-agent sidechains included";
    }

    @Override
    public int detect(FileHead head) {
        var lines = HeadSniffer.jsonLines(head, 20);
        if (HeadSniffer.text(head).matches("(?s)\\{\\s*\"loglines\"\\s*:.*")) return 85;
        int share = HeadSniffer.percent(lines, n -> n.isObject() && LINE_TYPES.contains(String.valueOf(Json.text(n, "type")))
                && (n.has("sessionId") || n.has("leafUuid") || n.has("uuid")));
        return share >= 60 ? 90 : share / 3;
    }

    @Override
    public void read(ImportSource source, EventSink sink) throws IOException {
        boolean webExport = isWebExport(source);
        SidechainMap sidechains = SidechainMap.scan(source, webExport);
        new Reading(source, sink, sidechains, webExport).run();
    }

    /** The claude.ai/transcript "session export": one JSON object whose {@code loglines} array holds the lines. */
    private static boolean isWebExport(ImportSource source) throws IOException {
        try (var in = source.open()) {
            byte[] head = EvidenceStreams.head(in, 4096);
            String text = new String(head, java.nio.charset.StandardCharsets.UTF_8).stripLeading();
            return text.matches("(?s)\\{\\s*\"loglines\"\\s*:.*");
        }
    }

    /** One pass over the file, holding pending (still streaming) responses and the tool names of calls. */
    private static final class Reading {
        private final ImportSource source;
        private final EventSink sink;
        private final SidechainMap sidechains;
        private final InferredTimes inferred = new InferredTimes();
        private final SessionSequences sequences = new SessionSequences();
        private final Map<String, PendingResponse> pending = new LinkedHashMap<>();
        private final Map<String, String> toolNames = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > MAX_REMEMBERED_TOOL_CALLS;
            }
        };

        private final boolean webExport;

        Reading(ImportSource source, EventSink sink, SidechainMap sidechains, boolean webExport) {
            this.webExport = webExport;
            this.source = source;
            this.sink = sink;
            this.sidechains = sidechains;
        }

        void run() throws IOException {
            try {
                if (webExport) JsonArrayRecords.readField(source, sink, "loglines", this::line);
                else JsonlRecords.read(source, sink, (node, jsonLine) -> line(node, jsonLine.locator()));
            } finally {
                // responses still streaming when the file ended, or broke, are handed on: what was read is kept
                pending.values().forEach(this::flush);
                pending.clear();
            }
        }

        private void line(JsonNode n, String locator) {
            String type = n.isObject() ? Json.text(n, "type") : null;
            if (type == null) throw new RecordRejected("not a Claude Code line: no \"type\" field");
            if (!webExport && !n.has("sessionId") && !n.has("uuid") && !n.has("leafUuid") && !n.has("messageId")) {
                throw new RecordRejected("not a Claude Code line: no sessionId, uuid or leafUuid");
            }
            Context ctx = context(n, locator);
            switch (type) {
                case "assistant" -> assistant(n, ctx);
                case "user" -> user(n, ctx);
                case "summary" -> sink.accept(ctx.builder(locator).sequence(nextSequence(ctx.session)).kind(EventKind.SESSION).name("summary")
                        .text(Json.text(n, "summary")).payloadJson(Json.write(n)).build());
                case "system" -> sink.accept(ctx.builder(locator).sequence(nextSequence(ctx.session)).kind(EventKind.NOTE).name("system").actor("system")
                        .trust(Trust.SYSTEM).flag(EventFlag.HARNESS_INJECTED)
                        .text(firstNonNull(Json.text(n, "content"), Json.text(n, "subtype"))).payloadJson(Json.write(n)).build());
                default -> sink.accept(ctx.builder(locator).sequence(nextSequence(ctx.session)).kind(EventKind.NOTE).name(type)
                        .text(Json.shorten(Json.write(n), 500)).payloadJson(Json.write(n)).build());
            }
        }

        /** Session, parent link and time of one line. */
        private Context context(JsonNode n, String locator) {
            String session = firstNonNull(Json.text(n, "sessionId"), sidechains.firstSessionId, source.evidenceSha256().substring(0, 16));
            String uuid = Json.text(n, "uuid");
            String parent = Json.text(n, "parentUuid");
            if (n.path("isSidechain").asBoolean(false)) {
                String agent = sidechains.agentOf(uuid, session);
                if (parent == null) parent = sidechains.taskCallOf(agent);
                session = session + ":" + agent;
            }
            Long time = Times.nanos(n.get("timestamp"));
            boolean timeInferred = false;
            if (time == null) {
                time = sidechains.firstTime != null ? sidechains.firstTime : inferred.next(sink, locator);
                timeInferred = true;
            }
            // isMeta lines and /compact's summaries were written by the harness, not typed by the user
            boolean harness = n.path("isMeta").asBoolean(false) || n.path("isCompactSummary").asBoolean(false);
            return new Context(locator, session, uuid, parent, time, timeInferred, harness);
        }

        private void assistant(JsonNode n, Context ctx) {
            JsonNode message = n.path("message");
            String messageId = firstNonNull(Json.text(message, "id"), Json.text(n, "requestId"), ctx.uuid, ctx.locator);
            PendingResponse p = pending.get(ctx.session);
            if (p != null && !p.messageId.equals(messageId)) {
                flush(p);
                p = null;
            }
            String locator = ctx.locator;
            if (p == null) {
                p = new PendingResponse(messageId, ctx, locator, nextSequence(ctx.session));
                pending.put(ctx.session, p);
            }
            p.lines++;
            p.model = firstNonNull(Json.text(message, "model"), p.model);
            p.requestId = firstNonNull(Json.text(n, "requestId"), p.requestId);
            if (message.has("usage")) p.usage = message.get("usage");
            if (message.hasNonNull("stop_reason")) p.stopReason = message.get("stop_reason").asText();
            JsonNode content = message.get("content");
            if (content != null && content.isTextual()) p.text(content.asText());
            int k = 0;
            for (JsonNode block : content == null || !content.isArray() ? Json.MAPPER.createArrayNode() : content) {
                String type = Json.text(block, "type");
                if ("tool_use".equals(type) || "server_tool_use".equals(type)) {
                    String id = Json.text(block, "id");
                    String name = Json.text(block, "name");
                    if (id != null && name != null) toolNames.put(id, name);
                    JsonNode args = Arguments.normalise(block.get("input"));
                    ObjectNode call = Json.object();
                    call.put("id", id);
                    call.put("name", name);
                    call.set("arguments", args);
                    p.toolCalls.add(call);
                    ObjectNode payload = Json.object();
                    payload.put("name", name);
                    payload.set("arguments", args);
                    sink.accept(ctx.builder(Locators.part(locator, "tool_call" + k)).sequence(nextSequence(ctx.session))
                            .kind(EventKind.TOOL_CALL).actor("assistant").trust(Trust.MODEL).provider("anthropic").model(p.model)
                            .spanId(id).parentId(ctx.uuid).toolName(name).toolCallId(id).name(name)
                            .text(new ToolCall(null, name, args).display()).payloadJson(Json.write(payload)).build());
                } else if ("thinking".equals(type)) {
                    p.thinking(Json.text(block, "thinking"));
                } else {
                    String text = ChatMessages.contentText(block);
                    if (text != null) p.text(text);
                }
                k++;
            }
        }

        private void flush(PendingResponse p) {
            ObjectNode payload = Json.object();
            payload.put("content", p.text.toString());
            if (!p.toolCalls.isEmpty()) payload.set("tool_calls", p.toolCalls);
            if (p.stopReason != null) payload.put("finish_reason", p.stopReason);
            if (!p.thinking.isEmpty()) payload.put("thinking", p.thinking.toString());
            payload.put("message_id", p.messageId);
            if (p.requestId != null) payload.put("request_id", p.requestId);
            if (p.usage != null) payload.set("usage", p.usage);
            if (p.lines > 1) payload.put("merged_lines", p.lines);
            Usage usage = Usage.of(p.usage);
            sink.accept(p.ctx.builder(p.locator).sequence(p.sequence).kind(EventKind.MODEL_RESPONSE).actor("assistant")
                    .trust(Trust.MODEL).provider("anthropic").model(p.model).spanId(p.ctx.uuid).parentId(p.ctx.parent)
                    .text(p.text.toString()).inputTokens(usage.inputTokens()).outputTokens(usage.outputTokens())
                    .payloadJson(Json.write(payload)).build());
            // the model's thinking, also as an event of its own so it can be searched (a plan to exfiltrate shows here
            // first); the response's payload keeps it too
            if (!p.thinking.isEmpty()) {
                sink.accept(p.ctx.builder(Locators.part(p.locator, "thinking")).sequence(p.sequence).kind(EventKind.NOTE)
                        .name("thinking").actor("assistant").trust(Trust.MODEL).provider("anthropic").model(p.model)
                        .spanId(p.ctx.uuid).parentId(p.ctx.uuid).text(p.thinking.toString()).build());
            }
        }

        private void user(JsonNode n, Context ctx) {
            JsonNode content = n.path("message").get("content");
            boolean meta = ctx.meta;
            if (content == null || content.isNull()) throw new RecordRejected("user line without message.content");
            StringBuilder text = new StringBuilder();
            int k = 0;
            if (content.isArray()) {
                for (JsonNode block : content) {
                    if ("tool_result".equals(Json.text(block, "type"))) {
                        toolResult(n, block, ctx, Locators.part(ctx.locator, "tool_result" + k));
                    } else {
                        String t = ChatMessages.contentText(block);
                        if (t != null && !t.isEmpty()) text.append(text.isEmpty() ? "" : "\n").append(t);
                    }
                    k++;
                }
                if (text.isEmpty()) return;
            } else {
                text.append(ChatMessages.contentText(content));
            }
            Event.Builder b = ctx.builder(ctx.locator).sequence(nextSequence(ctx.session)).kind(EventKind.USER_MESSAGE)
                    .spanId(ctx.uuid).parentId(ctx.parent).text(text.toString());
            if (meta) b.actor("system").trust(Trust.SYSTEM).flag(EventFlag.HARNESS_INJECTED);
            else b.actor("user").trust(Trust.USER);
            sink.accept(b.build());
        }

        private void toolResult(JsonNode line, JsonNode block, Context ctx, String locator) {
            String callId = Json.text(block, "tool_use_id");
            String tool = callId == null ? null : toolNames.get(callId);
            boolean error = block.path("is_error").asBoolean(false);
            String text = ChatMessages.contentText(block.get("content"));
            ObjectNode payload = Json.object();
            payload.put("content", text);
            payload.put("is_error", error);
            if (line.has("toolUseResult")) payload.set("tool_use_result", line.get("toolUseResult"));
            if (line.hasNonNull("agentId")) payload.put("agent_id", line.get("agentId").asText());
            sink.accept(ctx.builder(locator).sequence(nextSequence(ctx.session)).kind(EventKind.TOOL_RESULT)
                    .actor(tool).toolName(tool).toolCallId(callId).trust(Trust.TOOL_OUTPUT).spanId(ctx.uuid).parentId(callId)
                    .status(error ? "error" : null).text(text).payloadJson(Json.write(payload)).build());
        }

        private long nextSequence(String session) {
            return sequences.next(session);
        }

        private final class Context {
            final String session;
            final String uuid;
            final String parent;
            final long time;
            final boolean timeInferred;
            final boolean meta;
            final String locator;

            Context(String locator, String session, String uuid, String parent, long time, boolean timeInferred, boolean meta) {
                this.locator = locator;
                this.session = session;
                this.uuid = uuid;
                this.parent = parent;
                this.time = time;
                this.timeInferred = timeInferred;
                this.meta = meta;
            }

            Event.Builder builder(String at) {
                Event.Builder b = Event.builder(source.evidenceSha256(), at).sessionId(session).traceId(session.split(":", 2)[0])
                        .startNanos(time);
                if (timeInferred) b.flag(EventFlag.TIME_INFERRED);
                return b;
            }
        }

        /** An assistant response whose lines are still arriving. */
        private static final class PendingResponse {
            final String messageId;
            final Context ctx;
            final String locator;
            final long sequence;
            final StringBuilder text = new StringBuilder();
            final StringBuilder thinking = new StringBuilder();
            final ArrayNode toolCalls = Json.MAPPER.createArrayNode();
            String model;
            String requestId;
            String stopReason;
            JsonNode usage;
            int lines;

            PendingResponse(String messageId, Context ctx, String locator, long sequence) {
                this.messageId = messageId;
                this.ctx = ctx;
                this.locator = locator;
                this.sequence = sequence;
            }

            void text(String t) {
                if (t == null || t.isEmpty()) return;
                if (!text.isEmpty()) text.append('\n');
                text.append(t);
            }

            void thinking(String t) {
                if (t == null || t.isEmpty()) return;
                if (!thinking.isEmpty()) thinking.append('\n');
                thinking.append(t);
            }
        }

        @SafeVarargs
        private static <T> T firstNonNull(T... values) {
            for (T v : values) if (v != null) return v;
            return null;
        }
    }
}
