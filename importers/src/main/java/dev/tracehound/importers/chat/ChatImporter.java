package dev.tracehound.importers.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.importers.EventSink;
import dev.tracehound.importers.FileHead;
import dev.tracehound.importers.ImportSource;
import dev.tracehound.importers.Importer;
import dev.tracehound.importers.chatshape.ChatMessage;
import dev.tracehound.importers.chatshape.ChatMessages;
import dev.tracehound.importers.read.HeadSniffer;
import dev.tracehound.importers.read.InferredTimes;
import dev.tracehound.importers.read.Json;
import dev.tracehound.importers.read.JsonArrayRecords;
import dev.tracehound.importers.read.JsonLayout;
import dev.tracehound.importers.read.JsonlRecords;
import dev.tracehound.importers.read.Locators;
import dev.tracehound.importers.read.RecordRejected;
import dev.tracehound.importers.read.Times;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OpenAI-style chat transcripts in the shapes people keep: a JSON array of runs holding {@code messages}
 * or {@code traj} (tau-bench), JSONL with one run per line (ASB), a bare message array, and logged
 * request/response pairs of the Chat Completions and Anthropic Messages APIs. JSON documents are streamed
 * element by element.
 */
public final class ChatImporter implements Importer {
    private static final Set<String> RUN_KEYS = Set.of("messages", "traj", "trajectory", "conversation");
    private static final int MAX_OPEN_SESSIONS = 10_000;

    @Override
    public String format() {
        return "chat";
    }

    @Override
    public String description() {
        return "OpenAI/Anthropic chat transcripts: message arrays, runs with messages/traj, request/response pairs (JSON or JSONL)";
    }

    @Override
    public int detect(FileHead head) {
        var lines = HeadSniffer.jsonLines(head, 10);
        if (!lines.isEmpty()) {
            int share = HeadSniffer.percent(lines, n -> isRun(n) || isPair(n) || (n.isObject() && n.has("role") && n.has("content")));
            if (share >= 80) return 70;
        }
        String t = HeadSniffer.text(head);
        if (!t.startsWith("[") && !t.startsWith("{")) return 0;
        boolean roles = t.contains("\"role\"");
        // JSON documents: modest scores, so importers of specific exports (LangSmith, Langfuse) that embed chat messages win
        if (t.startsWith("[") && roles && t.matches("(?s)\\[\\s*\\{\\s*\"(role|content)\".*")) return 50;
        if (t.contains("\"request\"") && t.contains("\"response\"") && roles) return 50;
        if (roles && (t.contains("\"messages\"") || t.contains("\"traj\""))) return 40;
        return 0;
    }

    @Override
    public void read(ImportSource source, EventSink sink) throws IOException {
        Reading reading = new Reading(source, sink);
        if (isJsonl(source)) {
            JsonlRecords.read(source, sink, (node, line) -> reading.record(node, line.locator(), true, line.number()));
        } else {
            long[] index = {0};
            JsonArrayRecords.read(source, sink, (node, pointer) -> reading.record(node, pointer.isEmpty() ? "" : pointer, false, index[0]++));
        }
    }

    /**
     * JSONL when the first line is a complete JSON object on its own, however long (a run with a long transcript);
     * a JSON document otherwise.
     */
    private static boolean isJsonl(ImportSource source) throws IOException {
        JsonLayout.Probe probe = JsonLayout.probe(source);
        return probe.objectFirst() && probe.layout() != JsonLayout.Layout.DOCUMENT;
    }

    static boolean isRun(JsonNode n) {
        if (n.isArray()) return n.size() > 0 && n.get(0).has("role");
        if (!n.isObject()) return false;
        for (String key : RUN_KEYS) if (n.path(key).isArray()) return true;
        return false;
    }

    static boolean isPair(JsonNode n) {
        return n.isObject() && n.path("request").isObject() && (n.has("response") || n.path("request").has("messages"));
    }

    /** The state of one file: open sessions (bounded) and the inferred clock. */
    private static final class Reading {
        private final ImportSource source;
        private final EventSink sink;
        private final InferredTimes inferred = new InferredTimes();
        private final String fileSession;
        private final Map<String, Conversation> sessions = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Conversation> eldest) {
                return size() > MAX_OPEN_SESSIONS;
            }
        };

        Reading(ImportSource source, EventSink sink) {
            this.source = source;
            this.sink = sink;
            this.fileSession = source.evidenceSha256().substring(0, 16);
        }

        void record(JsonNode node, String locator, boolean jsonl, long index) {
            if (isPair(node)) {
                pair(node, locator.isEmpty() ? "/" : locator, jsonl);
            } else if (isRun(node)) {
                run(node, locator, jsonl, index);
            } else if (node.isObject() && node.has("role")) {
                Conversation c = conversation(fileSession);
                message(c, node, locator.isEmpty() ? "/" : locator, false);
            } else {
                throw new RecordRejected("not a chat record: expected a run with messages/traj, a message with a role, or a request/response pair");
            }
        }

        private void run(JsonNode node, String locator, boolean jsonl, long index) {
            JsonNode messages = node;
            String key = null;
            if (node.isObject()) {
                for (String k : RUN_KEYS) {
                    if (node.path(k).isArray()) {
                        key = k;
                        messages = node.get(k);
                        break;
                    }
                }
            }
            String sessionId = runSessionId(node, index);
            Conversation c = new Conversation(source.evidenceSha256(), sessionId, sink, inferred);
            c.model = node.isObject() ? Json.text(node, "model") : null;
            if (node.isObject()) sessionEvent(c, node, key, locator, jsonl);
            for (int i = 0; i < messages.size(); i++) {
                String at = jsonl ? Locators.part(locator, "msg" + i) : locator + (key == null ? "" : "/" + key) + "/" + i;
                message(c, messages.get(i), at, false);
            }
        }

        private void message(Conversation c, JsonNode message, String locator, boolean history) {
            try {
                c.message(message, locator, history);
            } catch (IllegalArgumentException e) {
                keepUnreadable(c, message, locator, e);
            }
        }

        /** A message that is not a chat message (no role, not an object) is kept as a NOTE with its raw JSON, and warned about. */
        private void keepUnreadable(Conversation c, JsonNode message, String locator, IllegalArgumentException why) {
            sink.warn("BAD_MESSAGE", "not a chat message, kept as NOTE: " + why.getMessage(), locator);
            sink.accept(c.base(locator, null).kind(EventKind.NOTE).name("unreadable message")
                    .text(Json.shorten(Json.asText(message), 500)).payloadJson(Json.write(message)).build());
        }

        /** A SESSION event keeps a run's metadata (agent, task, reward …) beside its messages. */
        private void sessionEvent(Conversation c, JsonNode run, String messagesKey, String locator, boolean jsonl) {
            ObjectNode meta = ((ObjectNode) run).deepCopy();
            if (messagesKey != null) meta.remove(messagesKey);
            if (meta.isEmpty()) return;
            String title = firstText(run, "title", "name", "agent", "task_id");
            String at = jsonl ? Locators.part(locator, "session") : (locator.isEmpty() ? "/" : locator) + "#session";
            sink.accept(c.base(at, Times.nanos(run.get("timestamp"))).kind(EventKind.SESSION).actor(Json.text(run, "agent"))
                    .text(title).payloadJson(Json.write(meta)).build());
        }

        private String runSessionId(JsonNode run, long index) {
            String id = run.isObject() ? firstText(run, "id", "session_id", "conversation_id", "thread_id") : null;
            if (id != null) return id;
            if (run.isObject() && run.hasNonNull("task_id")) {
                String trial = run.hasNonNull("trial") ? "-trial-" + run.get("trial").asText() : "";
                return fileSession + ":task-" + run.get("task_id").asText() + trial + "#" + index;
            }
            return fileSession + ":" + index;
        }

        private Conversation conversation(String sessionId) {
            return sessions.computeIfAbsent(sessionId, id -> new Conversation(source.evidenceSha256(), id, sink, inferred));
        }

        /** A logged API call: history messages (deduplicated across calls), a MODEL_CALL with usage, the response. */
        private void pair(JsonNode node, String locator, boolean jsonl) {
            JsonNode request = node.get("request");
            JsonNode response = node.path("response");
            String sessionId = firstText(node, "session_id", "conversation_id", "thread_id", "trace_id");
            if (sessionId == null) sessionId = fileSession;
            Conversation c = conversation(sessionId);
            boolean anthropic = response.has("content") && !response.has("choices") || request.has("system") || "message".equals(Json.text(response, "type"));
            c.provider = firstNonNull(Json.text(node, "provider"), response.has("choices") ? "openai" : anthropic ? "anthropic" : null);
            c.model = firstNonNull(Json.text(response, "model"), Json.text(request, "model"));
            Long time = firstNonNull(Times.nanos(node.get("timestamp")), Times.nanos(node.get("created_at")), Times.nanos(response.get("created")));

            ArrayNode normalised = Json.MAPPER.createArrayNode();
            int m = 0;
            JsonNode system = request.get("system");
            if (system != null && !system.isNull()) {
                ChatMessage s = ChatMessage.text("system", ChatMessages.contentText(system));
                c.emit(s, Locators.part(locator, "system"), time, true, null);
                normalised.add(s.toJson());
            }
            for (JsonNode raw : request.path("messages")) {
                String at = Locators.part(locator, "msg" + m++);
                try {
                    List<ChatMessage> parts = ChatMessages.fromMessage(raw);
                    c.emitAll(parts, at, time, true, null);
                    parts.forEach(p -> normalised.add(p.toJson()));
                } catch (IllegalArgumentException e) {
                    keepUnreadable(c, raw, at, e);
                }
            }
            ObjectNode payload = Json.object();
            payload.set("messages", normalised);
            if (request.has("tools")) payload.set("tools", request.get("tools"));
            ObjectNode params = ((ObjectNode) request).deepCopy();
            params.remove(List.of("messages", "tools", "system"));
            payload.set("params", params);
            Usage usage = Usage.of(response.get("usage"));
            if (response.has("usage")) payload.set("usage", response.get("usage"));
            String lastInput = normalised.isEmpty() ? "" : normalised.get(normalised.size() - 1).path("content").asText("");
            sink.accept(c.base(Locators.part(locator, "call"), time).kind(EventKind.MODEL_CALL).actor("assistant").trust(Trust.MODEL)
                    .name("chat " + (c.model == null ? "" : c.model)).text(Json.shorten(lastInput, 500))
                    .inputTokens(usage.inputTokens()).outputTokens(usage.outputTokens())
                    .payloadJson(Json.write(payload)).build());

            if (response.has("error") && !response.get("error").isNull()) {
                JsonNode err = response.get("error");
                String text = err.isObject() ? firstNonNull(Json.text(err, "message"), Json.write(err)) : err.asText();
                sink.accept(c.base(Locators.part(locator, "error"), time).kind(EventKind.ERROR).status("error").text(text)
                        .payloadJson(Json.write(err)).build());
            }
            if (response.path("choices").isArray()) {
                int k = 0;
                for (JsonNode choice : response.get("choices")) {
                    JsonNode msg = choice.has("message") ? choice.get("message") : choice.get("delta");
                    if (msg == null || !msg.isObject()) continue;
                    ObjectNode withRole = ((ObjectNode) msg).deepCopy();
                    if (!withRole.hasNonNull("role")) withRole.put("role", "assistant"); // streamed deltas name it only in the first chunk
                    for (ChatMessage part : ChatMessages.fromMessage(withRole)) {
                        c.emit(part, Locators.part(locator, "response" + k++), time, true, Json.text(choice, "finish_reason"));
                    }
                }
            } else if (response.path("content").isArray()) {
                ObjectNode msg = ((ObjectNode) response).deepCopy();
                msg.put("role", "assistant");
                int k = 0;
                for (ChatMessage part : ChatMessages.fromMessage(msg)) {
                    c.emit(part, Locators.part(locator, "response" + k++), time, true, Json.text(response, "stop_reason"));
                }
            }
        }

        private static String firstText(JsonNode n, String... fields) {
            for (String f : fields) {
                String v = Json.text(n, f);
                if (v != null && !v.isBlank()) return v;
            }
            return null;
        }

        @SafeVarargs
        private static <T> T firstNonNull(T... values) {
            for (T v : values) if (v != null) return v;
            return null;
        }
    }
}
