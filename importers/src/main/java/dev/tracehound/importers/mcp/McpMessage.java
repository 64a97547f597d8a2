package dev.tracehound.importers.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.read.Json;
import dev.tracehound.importers.read.Times;
import java.util.Locale;

/**
 * One JSON-RPC message of an MCP log with what a proxy or gateway wrapped around it: time, direction
 * and server name. Accepts a bare {@code {"jsonrpc":"2.0",...}} line or a wrapper holding it under
 * {@code message}, {@code data}, {@code payload}, {@code msg}, {@code body} or {@code json}.
 */
record McpMessage(JsonNode rpc, Long time, Direction direction, String server, String session) {
    private static final String[] BODY_KEYS = {"message", "data", "payload", "msg", "body", "json", "content"};

    enum Direction {
        TO_SERVER, TO_CLIENT, UNKNOWN;

        Direction opposite() {
            return switch (this) {
                case TO_SERVER -> TO_CLIENT;
                case TO_CLIENT -> TO_SERVER;
                case UNKNOWN -> UNKNOWN;
            };
        }
    }

    static boolean isRpc(JsonNode n) {
        return n != null && n.isObject() && (n.has("jsonrpc") || (n.has("id") && (n.has("method") || n.has("result") || n.has("error"))));
    }

    /** A JSON-RPC batch: a non-empty array whose first element is a JSON-RPC message. */
    static boolean isBatch(JsonNode n) {
        return n != null && n.isArray() && n.size() > 0 && isRpc(n.get(0));
    }

    /** The JSON-RPC body of a line, or null when there is none. */
    static JsonNode body(JsonNode line) {
        if (isRpc(line) || isBatch(line)) return line;
        if (line == null || !line.isObject()) return null;
        for (String key : BODY_KEYS) {
            JsonNode v = line.get(key);
            if (v != null && v.isTextual() && v.asText().strip().startsWith("{")) v = Json.parseLenient(v.asText());
            if (isRpc(v) || isBatch(v)) return v;
        }
        return null;
    }

    static McpMessage of(JsonNode line, JsonNode rpc) {
        Long time = null;
        for (String key : new String[] {"timestamp", "time", "ts", "@timestamp", "date"}) {
            time = Times.nanos(line.get(key));
            if (time != null) break;
        }
        String server = firstText(line, "server", "serverName", "server_name", "mcp_server", "target");
        String session = firstText(line, "session", "sessionId", "session_id", "mcp-session-id", "mcp_session_id");
        return new McpMessage(rpc, time, direction(firstText(line, "direction", "dir", "type", "flow")), server, session);
    }

    static Direction direction(String raw) {
        if (raw == null) return Direction.UNKNOWN;
        String d = raw.toLowerCase(Locale.ROOT).replace(" ", "");
        if (d.contains("client->server") || d.contains("client_to_server") || d.equals("send") || d.equals("sent") || d.equals("outgoing")
                || d.equals("out") || d.equals("request") || d.equals("c2s") || d.equals("tx") || d.equals("->")) return Direction.TO_SERVER;
        if (d.contains("server->client") || d.contains("server_to_client") || d.equals("recv") || d.equals("received") || d.equals("incoming")
                || d.equals("in") || d.equals("response") || d.equals("s2c") || d.equals("rx") || d.equals("<-")) return Direction.TO_CLIENT;
        return Direction.UNKNOWN;
    }

    private static String firstText(JsonNode n, String... keys) {
        for (String k : keys) {
            JsonNode v = n.get(k);
            if (v != null && v.isValueNode() && !v.asText().isBlank()) return v.asText();
        }
        return null;
    }

    String method() {
        return Json.text(rpc, "method");
    }

    String id() {
        JsonNode id = rpc.get("id");
        return id == null || id.isNull() ? null : id.asText();
    }

    boolean isRequest() {
        return method() != null && id() != null;
    }

    boolean isNotification() {
        return method() != null && id() == null;
    }

    boolean isResponse() {
        return method() == null && id() != null && (rpc.has("result") || rpc.has("error"));
    }
}
