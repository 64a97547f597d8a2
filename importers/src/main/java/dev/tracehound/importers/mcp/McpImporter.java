package dev.tracehound.importers.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.importers.EventSink;
import dev.tracehound.importers.FileHead;
import dev.tracehound.importers.ImportSource;
import dev.tracehound.importers.Importer;
import dev.tracehound.importers.chatshape.Arguments;
import dev.tracehound.importers.chatshape.ChatMessages;
import dev.tracehound.importers.chatshape.ToolCall;
import dev.tracehound.importers.read.Hashes;
import dev.tracehound.importers.read.HeadSniffer;
import dev.tracehound.importers.read.InferredTimes;
import dev.tracehound.importers.read.Json;
import dev.tracehound.importers.read.JsonLines;
import dev.tracehound.importers.read.JsonlRecords;
import dev.tracehound.importers.read.Locators;
import dev.tracehound.importers.read.RecordRejected;
import dev.tracehound.importers.read.SessionSequences;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventFlag;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MCP JSON-RPC logs, one message per line, bare or wrapped by a proxy/gateway (time, direction, server).
 * Requests and responses are paired by id per server and direction, keeping at most
 * {@value #MAX_PENDING} unanswered requests (oldest forgotten first, with a warning).
 * <ul>
 *   <li>tools/call → TOOL_CALL at the request, TOOL_RESULT at the response ({@code isError} → status error);</li>
 *   <li>tools/list → one TOOL_LISTING per tool with its description, inputSchema and
 *       {@code descriptionSha256}, so a description that changes between listings (a rug pull) shows;</li>
 *   <li>resources/read → one RETRIEVAL per content item, trust RETRIEVED_DOCUMENT (resource text is third-party data);</li>
 *   <li>prompts/get → NOTE holding the prompt messages, trust TOOL_OUTPUT (server-supplied, not the user's words);</li>
 *   <li>initialize → SESSION with the server's info; JSON-RPC errors → ERROR with status error;</li>
 *   <li>other requests, notifications and results → NOTE with the message as payload.</li>
 * </ul>
 * Session: the wrapper's session id, else {@code mcp:<server>}, else the evidence hash prefix.
 */
public final class McpImporter implements Importer {
    static final int MAX_PENDING = 10_000;

    @Override
    public String format() {
        return "mcp";
    }

    @Override
    public String description() {
        return "MCP JSON-RPC message logs (bare or wrapped by proxies with time, direction and server)";
    }

    @Override
    public int detect(FileHead head) {
        var lines = HeadSniffer.jsonLines(head, 20);
        int share = HeadSniffer.percent(lines, n -> {
            JsonNode body = McpMessage.body(n);
            return body != null && (body.isArray() || "2.0".equals(Json.text(body, "jsonrpc")));
        });
        return share >= 60 ? 90 : share / 2;
    }

    @Override
    public void read(ImportSource source, EventSink sink) throws IOException {
        new Reading(source, sink).run();
    }

    private record Pending(String method, String toolName, String callId, String query) {}

    private static final class Reading {
        private final ImportSource source;
        private final EventSink sink;
        private final InferredTimes inferred = new InferredTimes();
        private final SessionSequences sequences = new SessionSequences();
        private final Map<String, Pending> pending = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
                if (size() <= MAX_PENDING) return false;
                sink.warn("UNANSWERED_REQUESTS", "more than " + MAX_PENDING + " requests without a response; the oldest were forgotten, "
                        + "so a late response is imported without its request's tool name", null);
                return true;
            }
        };
        private long lastTime;

        Reading(ImportSource source, EventSink sink) {
            this.source = source;
            this.sink = sink;
        }

        void run() throws IOException {
            JsonlRecords.read(source, sink, this::line);
        }

        private void line(JsonNode line, JsonLines.Line at) {
            JsonNode body = McpMessage.body(line);
            if (body == null) throw new RecordRejected("not an MCP JSON-RPC message (no jsonrpc/method/result/error, bare or wrapped)");
            if (body.isArray()) {
                for (int k = 0; k < body.size(); k++) message(McpMessage.of(line, body.get(k)), Locators.part(at.locator(), "batch" + k));
            } else {
                message(McpMessage.of(line, body), at.locator());
            }
        }

        private void message(McpMessage m, String locator) {
            if (!McpMessage.isRpc(m.rpc())) throw new RecordRejected("batch element is not a JSON-RPC message");
            String session = m.session() != null ? m.session() : m.server() != null ? "mcp:" + m.server() : source.evidenceSha256().substring(0, 16);
            if (m.isRequest()) request(m, session, locator);
            else if (m.isResponse()) response(m, session, locator);
            else if (m.isNotification()) {
                sink.accept(builder(m, session, locator).kind(EventKind.NOTE).name(m.method()).actor(actor(m)).text(m.method())
                        .payloadJson(Json.write(m.rpc())).build());
            } else {
                throw new RecordRejected("JSON-RPC message that is neither request, response nor notification");
            }
        }

        private String key(McpMessage m, McpMessage.Direction requestDirection) {
            return m.server() + "|" + requestDirection + "|" + m.id();
        }

        private void request(McpMessage m, String session, String locator) {
            JsonNode params = m.rpc().path("params");
            String method = m.method();
            String callId = "mcp:" + (m.server() == null ? "" : m.server() + ":") + m.id();
            String toolName = null;
            String query = null;
            if ("tools/call".equals(method)) {
                toolName = Json.text(params, "name");
                JsonNode args = Arguments.normalise(params.get("arguments"));
                ObjectNode payload = Json.object();
                payload.put("name", toolName);
                payload.set("arguments", args);
                if (m.server() != null) payload.put("server", m.server());
                sink.accept(builder(m, session, locator).kind(EventKind.TOOL_CALL).actor("client").trust(Trust.MODEL).name(toolName)
                        .toolName(toolName).toolCallId(callId).spanId(callId)
                        .text(new ToolCall(null, toolName, args).display()).payloadJson(Json.write(payload)).build());
            } else {
                if ("resources/read".equals(method)) query = Json.text(params, "uri");
                if ("prompts/get".equals(method)) toolName = Json.text(params, "name");
                sink.accept(builder(m, session, locator).kind(EventKind.NOTE).name(method).actor(actor(m))
                        .text(method + (params.isMissingNode() ? "" : " " + Json.shorten(Json.write(params), 300)))
                        .payloadJson(Json.write(m.rpc())).build());
            }
            pending.put(key(m, m.direction()), new Pending(method, toolName, callId, query));
        }

        private void response(McpMessage m, String session, String locator) {
            Pending p = pending.remove(key(m, m.direction().opposite()));
            String method = p == null ? null : p.method();
            JsonNode error = m.rpc().get("error");
            JsonNode result = m.rpc().path("result");
            if (error != null && !error.isNull()) {
                String text = error.isObject() ? Json.text(error, "message") : error.asText();
                sink.accept(builder(m, session, locator).kind(EventKind.ERROR).name(method == null ? "error" : method + " error")
                        .status("error").toolName(p == null ? null : p.toolName()).toolCallId(p == null ? null : p.callId())
                        .parentId(p == null ? null : p.callId()).text(text).payloadJson(Json.write(m.rpc())).build());
                return;
            }
            if (method == null) {
                sink.warn("UNPAIRED_RESPONSE", "a response whose request is not in the log; kept as NOTE", locator);
                sink.accept(builder(m, session, locator).kind(EventKind.NOTE).name("response").text(Json.shorten(Json.write(result), 500))
                        .payloadJson(Json.write(m.rpc())).build());
                return;
            }
            switch (method) {
                case "tools/call" -> toolResult(m, p, result, session, locator);
                case "tools/list" -> toolListing(m, result, session, locator);
                case "resources/read" -> retrieval(m, p, result, session, locator);
                case "prompts/get" -> sink.accept(builder(m, session, locator).kind(EventKind.NOTE).name("prompts/get " + p.toolName())
                        .actor(m.server()).trust(Trust.TOOL_OUTPUT).text(promptText(result)).payloadJson(Json.write(result)).build());
                case "initialize" -> {
                    JsonNode info = result.path("serverInfo");
                    sink.accept(builder(m, session, locator).kind(EventKind.SESSION).name("initialize").actor(m.server())
                            .text((Json.text(info, "name") + " " + Json.text(info, "version")).strip())
                            .payloadJson(Json.write(result)).build());
                }
                default -> sink.accept(builder(m, session, locator).kind(EventKind.NOTE).name(method + " result")
                        .text(Json.shorten(Json.write(result), 500)).payloadJson(Json.write(m.rpc())).build());
            }
        }

        private void toolResult(McpMessage m, Pending p, JsonNode result, String session, String locator) {
            boolean error = result.path("isError").asBoolean(false);
            String text = ChatMessages.contentText(result.get("content"));
            ObjectNode payload = Json.object();
            payload.put("content", text);
            payload.put("is_error", error);
            if (result.has("structuredContent")) payload.set("structuredContent", result.get("structuredContent"));
            sink.accept(builder(m, session, locator).kind(EventKind.TOOL_RESULT).actor(p.toolName()).toolName(p.toolName())
                    .toolCallId(p.callId()).parentId(p.callId()).trust(Trust.TOOL_OUTPUT).status(error ? "error" : null)
                    .text(text).payloadJson(Json.write(payload)).build());
        }

        private void toolListing(McpMessage m, JsonNode result, String session, String locator) {
            JsonNode tools = result.path("tools");
            for (int k = 0; k < tools.size(); k++) {
                JsonNode tool = tools.get(k);
                String name = Json.text(tool, "name");
                String description = Json.text(tool, "description");
                ObjectNode payload = Json.object();
                payload.put("name", name);
                payload.put("description", description);
                payload.set("inputSchema", tool.get("inputSchema"));
                payload.put("descriptionSha256", Hashes.sha256(description));
                if (m.server() != null) payload.put("server", m.server());
                if (tool.has("annotations")) payload.set("annotations", tool.get("annotations"));
                sink.accept(builder(m, session, Locators.part(locator, "tool" + k)).kind(EventKind.TOOL_LISTING).name(name)
                        .actor(m.server()).toolName(name).trust(Trust.TOOL_DESCRIPTION).text(description)
                        .payloadJson(Json.write(payload)).build());
            }
        }

        private void retrieval(McpMessage m, Pending p, JsonNode result, String session, String locator) {
            JsonNode contents = result.path("contents");
            for (int k = 0; k < contents.size(); k++) {
                JsonNode c = contents.get(k);
                String text = c.hasNonNull("text") ? c.get("text").asText()
                        : c.hasNonNull("blob") ? "[binary resource, " + c.get("blob").asText().length() + " base64 characters]" : "";
                ObjectNode payload = Json.object();
                payload.put("id", Json.text(c, "uri"));
                payload.putNull("score");
                ObjectNode meta = payload.putObject("metadata");
                meta.put("mimeType", Json.text(c, "mimeType"));
                if (m.server() != null) meta.put("server", m.server());
                payload.put("query", p.query());
                sink.accept(builder(m, session, Locators.part(locator, "content" + k)).kind(EventKind.RETRIEVAL).name(Json.text(c, "uri"))
                        .actor(m.server()).trust(Trust.RETRIEVED_DOCUMENT).parentId(p.callId()).text(text)
                        .payloadJson(Json.write(payload)).build());
            }
        }

        private static String promptText(JsonNode result) {
            StringBuilder b = new StringBuilder();
            for (JsonNode msg : result.path("messages")) {
                if (!b.isEmpty()) b.append('\n');
                b.append(Json.text(msg, "role")).append(": ").append(ChatMessages.contentText(msg.get("content")));
            }
            return b.toString();
        }

        private String actor(McpMessage m) {
            return switch (m.direction()) {
                case TO_SERVER -> "client";
                case TO_CLIENT -> m.server() == null ? "server" : m.server();
                case UNKNOWN -> null;
            };
        }

        private Event.Builder builder(McpMessage m, String session, String locator) {
            Event.Builder b = Event.builder(source.evidenceSha256(), locator).sessionId(session)
                    .sequence(sequences.next(session));
            if (m.time() != null) {
                lastTime = m.time();
                b.startNanos(m.time());
            } else {
                b.startNanos(lastTime != 0 ? lastTime : inferred.next(sink, locator)).flag(EventFlag.TIME_INFERRED);
            }
            return b;
        }
    }
}
