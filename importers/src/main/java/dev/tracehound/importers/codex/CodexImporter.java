package dev.tracehound.importers.codex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.importers.EventSink;
import dev.tracehound.importers.FileHead;
import dev.tracehound.importers.ImportSource;
import dev.tracehound.importers.Importer;
import dev.tracehound.importers.chatshape.Arguments;
import dev.tracehound.importers.chatshape.ChatMessages;
import dev.tracehound.importers.chatshape.ToolCall;
import dev.tracehound.importers.read.HeadSniffer;
import dev.tracehound.importers.read.InferredTimes;
import dev.tracehound.importers.read.Json;
import dev.tracehound.importers.read.JsonLines;
import dev.tracehound.importers.read.JsonlRecords;
import dev.tracehound.importers.read.RecordRejected;
import dev.tracehound.importers.read.Times;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventFlag;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * OpenAI Codex CLI rollouts ({@code ~/.codex/sessions/YYYY/MM/DD/rollout-*.jsonl}): lines of
 * {@code {timestamp, type, payload}} with types session_meta, turn_context, response_item and event_msg,
 * plus the older layout (a bare session header line, then bare response items). Mapping:
 * <ul>
 *   <li>session_meta → SESSION (and its {@code instructions} → SYSTEM_PROMPT); turn_context → NOTE (model,
 *       approval and sandbox policy in the payload) and sets the model for what follows;</li>
 *   <li>response_item message → USER_MESSAGE / MODEL_RESPONSE / SYSTEM_PROMPT by role; injected
 *       {@code <environment_context>}/{@code <user_instructions>} user messages are HARNESS_INJECTED;</li>
 *   <li>function_call, custom_tool_call, local_shell_call, web_search_call → TOOL_CALL;
 *       function_call_output, custom_tool_call_output → TOOL_RESULT (tool name from the call id);</li>
 *   <li>reasoning → NOTE with the readable summary (encrypted content is never shown, only its size);</li>
 *   <li>event_msg token_count → MODEL_CALL carrying that turn's token usage; error events → ERROR; user_message,
 *       agent_message and agent_reasoning repeat response items and give no event; others → NOTE.</li>
 * </ul>
 * Unknown record types are kept as NOTE with a warning, so nothing from a newer Codex is lost.
 */
public final class CodexImporter implements Importer {
    private static final Set<String> TYPES = Set.of("session_meta", "turn_context", "response_item", "event_msg", "compacted");
    /** Response items the older layout writes as bare lines; any other bare {@code type} (a Claude Code line) is not Codex. */
    private static final Set<String> ITEM_TYPES = Set.of("message", "reasoning", "function_call", "function_call_output",
            "custom_tool_call", "custom_tool_call_output", "local_shell_call", "web_search_call", "other");
    private static final Set<String> DUPLICATE_EVENT_MSGS = Set.of("user_message", "agent_message", "agent_reasoning", "agent_reasoning_raw_content");
    private static final int MAX_REMEMBERED_CALLS = 100_000;

    @Override
    public String format() {
        return "codex";
    }

    @Override
    public String description() {
        return "OpenAI Codex CLI rollout JSONL (~/.codex/sessions/**/rollout-*.jsonl)";
    }

    @Override
    public int detect(FileHead head) {
        var lines = HeadSniffer.jsonLines(head, 20);
        if (lines.isEmpty()) return 0;
        JsonNode first = lines.get(0);
        if ("session_meta".equals(Json.text(first, "type")) && first.has("payload")) return 95;
        int share = HeadSniffer.percent(lines, n -> TYPES.contains(String.valueOf(Json.text(n, "type"))) && n.has("payload") && n.has("timestamp"));
        if (share >= 60) return 85;
        // older rollouts: a header {id, timestamp, instructions?} then bare response items
        if (first.has("id") && first.has("timestamp") && !first.has("type") && lines.size() > 1
                && Set.of("message", "function_call", "reasoning").contains(String.valueOf(Json.text(lines.get(1), "type")))) return 70;
        return 0;
    }

    @Override
    public void read(ImportSource source, EventSink sink) throws IOException {
        new Reading(source, sink).run();
    }

    private static final class Reading {
        private final ImportSource source;
        private final EventSink sink;
        private final InferredTimes inferred = new InferredTimes();
        private final Map<String, String> toolNames = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > MAX_REMEMBERED_CALLS;
            }
        };
        private String sessionId;
        private String model;
        private String provider;
        private long sequence;
        private long lastTime;

        Reading(ImportSource source, EventSink sink) {
            this.source = source;
            this.sink = sink;
            this.sessionId = source.evidenceSha256().substring(0, 16);
        }

        void run() throws IOException {
            JsonlRecords.read(source, sink, this::line);
        }

        private void line(JsonNode n, JsonLines.Line line) {
            if (!n.isObject()) throw new RecordRejected("not a Codex rollout line: expected a JSON object");
            String type = Json.text(n, "type");
            String at = line.locator();
            Long time = Times.nanos(n.get("timestamp"));
            if (type == null) {
                if (n.has("record_type")) return; // old-layout state snapshot: no event
                if (n.has("id") && n.has("timestamp")) {
                    sessionMeta(n, time, at);
                    return;
                }
                throw new RecordRejected("not a Codex rollout line: no \"type\"");
            }
            JsonNode payload = n.get("payload");
            if (payload == null || !payload.isObject()) {
                // older layout: the line is the response item itself
                if (TYPES.contains(type)) throw new RecordRejected("Codex " + type + " line without a payload object");
                if (!ITEM_TYPES.contains(type)) {
                    throw new RecordRejected("not a Codex rollout line: a \"" + Json.shorten(type, 40) + "\" line without a payload is "
                            + "neither a rollout record {timestamp, type, payload} nor a response item");
                }
                responseItem(n, time, at);
                return;
            }
            switch (type) {
                case "session_meta" -> sessionMeta(payload, time, at);
                case "turn_context" -> {
                    model = firstNonNull(Json.text(payload, "model"), model);
                    emit(at, time).kind(EventKind.NOTE).name("turn_context").actor("system")
                            .text("turn context: model " + model + ", approval " + Json.text(payload, "approval_policy")
                                    + ", sandbox " + Json.asText(payload.get("sandbox_policy")))
                            .payloadJson(Json.write(payload)).send();
                }
                case "response_item" -> responseItem(payload, time, at);
                case "event_msg" -> eventMsg(payload, time, at);
                case "compacted" -> emit(at, time).kind(EventKind.NOTE).name("compacted").text(Json.text(payload, "message"))
                        .payloadJson(Json.write(payload)).send();
                default -> {
                    sink.warn("UNKNOWN_RECORD_TYPE", "record type '" + type + "' is not known to this importer; kept as NOTE", at);
                    emit(at, time).kind(EventKind.NOTE).name(type).text(Json.shorten(Json.write(payload), 500))
                            .payloadJson(Json.write(n)).send();
                }
            }
        }

        private void sessionMeta(JsonNode p, Long time, String at) {
            sessionId = firstNonNull(Json.text(p, "id"), sessionId);
            provider = firstNonNull(Json.text(p, "model_provider"), provider);
            Long started = firstNonNull(Times.nanos(p.get("timestamp")), time);
            ObjectNode meta = ((ObjectNode) p).deepCopy();
            meta.remove("instructions");
            emit(at, started).kind(EventKind.SESSION).name("session_meta").text(Json.text(p, "cwd")).actor(Json.text(p, "originator"))
                    .payloadJson(Json.write(meta)).send();
            String instructions = Json.text(p, "instructions");
            if (instructions != null && !instructions.isBlank()) {
                emit(at + "#instructions", started).kind(EventKind.SYSTEM_PROMPT).actor("system").trust(Trust.SYSTEM).text(instructions).send();
            }
        }

        private void responseItem(JsonNode p, Long time, String at) {
            String type = Json.text(p, "type");
            switch (type == null ? "" : type) {
                case "message" -> message(p, time, at);
                case "function_call", "custom_tool_call", "local_shell_call", "web_search_call" -> toolCall(p, type, time, at);
                case "function_call_output", "custom_tool_call_output" -> toolResult(p, time, at);
                case "reasoning" -> {
                    String summary = ChatMessages.contentText(p.get("summary"));
                    ObjectNode payload = ((ObjectNode) p).deepCopy();
                    String encrypted = Json.text(p, "encrypted_content");
                    if (encrypted != null) {
                        payload.remove("encrypted_content");
                        payload.put("encrypted_content_chars", encrypted.length());
                    }
                    emit(at, time).kind(EventKind.NOTE).name("reasoning").actor("assistant").trust(Trust.MODEL).model(model)
                            .text(summary).payloadJson(Json.write(payload)).send();
                }
                default -> emit(at, time).kind(EventKind.NOTE).name(type).text(Json.shorten(Json.write(p), 500)).payloadJson(Json.write(p)).send();
            }
        }

        private void message(JsonNode p, Long time, String at) {
            String role = firstNonNull(Json.text(p, "role"), "unknown");
            String text = ChatMessages.contentText(p.get("content"));
            Draft d = emit(at, time).payloadJson(null).text(text);
            switch (role) {
                case "user" -> {
                    String t = text.stripLeading();
                    if (t.startsWith("<environment_context>") || t.startsWith("<user_instructions>") || t.startsWith("# AGENTS.md")) {
                        d.kind(EventKind.USER_MESSAGE).actor("system").trust(Trust.SYSTEM).flag(EventFlag.HARNESS_INJECTED);
                    } else {
                        d.kind(EventKind.USER_MESSAGE).actor("user").trust(Trust.USER);
                    }
                }
                case "assistant" -> {
                    ObjectNode payload = Json.object();
                    payload.put("content", text);
                    d.kind(EventKind.MODEL_RESPONSE).actor("assistant").trust(Trust.MODEL).model(model).provider(provider)
                            .payloadJson(Json.write(payload));
                }
                case "developer", "system" -> d.kind(EventKind.SYSTEM_PROMPT).actor(role).trust(Trust.SYSTEM); // developer instructions keep their speaker
                default -> d.kind(EventKind.NOTE).actor(role).payloadJson(Json.write(p));
            }
            d.send();
        }

        private void toolCall(JsonNode p, String type, Long time, String at) {
            String callId = firstNonNull(Json.text(p, "call_id"), Json.text(p, "id"));
            String name = switch (type) {
                case "local_shell_call" -> "local_shell";
                case "web_search_call" -> "web_search";
                default -> Json.text(p, "name");
            };
            JsonNode args = switch (type) {
                case "custom_tool_call" -> p.get("input");
                case "local_shell_call", "web_search_call" -> p.get("action");
                default -> Arguments.normalise(p.get("arguments"));
            };
            if (callId != null && name != null) toolNames.put(callId, name);
            ObjectNode payload = Json.object();
            payload.put("name", name);
            payload.set("arguments", args);
            emit(at, time).kind(EventKind.TOOL_CALL).actor("assistant").trust(Trust.MODEL).model(model).provider(provider)
                    .toolName(name).toolCallId(callId).name(name).spanId(callId).status(Json.text(p, "status"))
                    .text(new ToolCall(null, name, args).display()).payloadJson(Json.write(payload)).send();
        }

        private void toolResult(JsonNode p, Long time, String at) {
            String callId = Json.text(p, "call_id");
            String tool = callId == null ? null : toolNames.get(callId);
            JsonNode output = p.get("output");
            String text = output != null && output.isTextual() ? output.asText() : ChatMessages.contentText(output);
            boolean error = false;
            JsonNode parsed = Json.parseLenient(text);
            if (parsed.isObject()) {
                JsonNode exit = parsed.path("metadata").path("exit_code");
                error = (exit.isNumber() && exit.asInt() != 0) || parsed.path("success").isBoolean() && !parsed.get("success").asBoolean();
            }
            if (output != null && output.isObject() && output.path("success").isBoolean()) error = !output.get("success").asBoolean();
            ObjectNode payload = Json.object();
            payload.put("content", text);
            payload.put("is_error", error);
            emit(at, time).kind(EventKind.TOOL_RESULT).actor(tool).toolName(tool).toolCallId(callId).parentId(callId)
                    .trust(Trust.TOOL_OUTPUT).status(error ? "error" : null).text(text).payloadJson(Json.write(payload)).send();
        }

        private void eventMsg(JsonNode p, Long time, String at) {
            String type = firstNonNull(Json.text(p, "type"), "event");
            if (DUPLICATE_EVENT_MSGS.contains(type)) return; // the same text arrives as a response_item
            if ("token_count".equals(type)) {
                JsonNode info = p.path("info");
                if (!info.isObject()) return; // rate-limit-only snapshots carry no usage
                JsonNode last = info.path("last_token_usage");
                Long in = Json.asLong(last.get("input_tokens"));
                Long out = Json.asLong(last.get("output_tokens"));
                emit(at, time).kind(EventKind.MODEL_CALL).name("model call").actor("assistant").trust(Trust.MODEL).model(model)
                        .provider(provider).inputTokens(in).outputTokens(out).payloadJson(Json.write(p)).send();
                return;
            }
            if (type.contains("error")) {
                emit(at, time).kind(EventKind.ERROR).name(type).status("error").text(Json.text(p, "message")).payloadJson(Json.write(p)).send();
                return;
            }
            emit(at, time).kind(EventKind.NOTE).name(type).text(firstNonNull(Json.text(p, "message"), Json.shorten(Json.write(p), 500)))
                    .payloadJson(Json.write(p)).send();
        }

        private Draft emit(String locator, Long time) {
            Event.Builder b = Event.builder(source.evidenceSha256(), locator).sessionId(sessionId).sequence(sequence++);
            if (time != null) {
                lastTime = time;
                b.startNanos(time);
            } else {
                b.startNanos(lastTime != 0 ? lastTime : inferred.next(sink, locator)).flag(EventFlag.TIME_INFERRED);
            }
            return new Draft(b, sink);
        }

        @SafeVarargs
        private static <T> T firstNonNull(T... values) {
            for (T v : values) if (v != null) return v;
            return null;
        }
    }

    /** A builder that sends itself to the sink, so mapping code reads as one expression per event. */
    private record Draft(Event.Builder b, EventSink sink) {
        Draft kind(EventKind v) { b.kind(v); return this; }
        Draft name(String v) { b.name(v); return this; }
        Draft actor(String v) { b.actor(v); return this; }
        Draft trust(Trust v) { b.trust(v); return this; }
        Draft model(String v) { b.model(v); return this; }
        Draft provider(String v) { b.provider(v); return this; }
        Draft toolName(String v) { b.toolName(v); return this; }
        Draft toolCallId(String v) { b.toolCallId(v); return this; }
        Draft spanId(String v) { b.spanId(v); return this; }
        Draft parentId(String v) { b.parentId(v); return this; }
        Draft status(String v) { b.status(v); return this; }
        Draft text(String v) { b.text(v); return this; }
        Draft payloadJson(String v) { b.payloadJson(v); return this; }
        Draft inputTokens(Long v) { b.inputTokens(v); return this; }
        Draft outputTokens(Long v) { b.outputTokens(v); return this; }
        Draft flag(EventFlag v) { b.flag(v); return this; }

        void send() {
            sink.accept(b.build());
        }
    }
}
