package dev.tracehound.app.ui.inspector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tracehound.timeline.event.Event;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the normalised payload shapes of {@code docs/event-model.md} for display: the messages of a model call, the
 * arguments of a tool call, pretty-printed JSON. Unreadable payloads are shown as they are, never hidden.
 */
public final class PayloadReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PayloadReader() {}

    public static JsonNode parse(String json) {
        if (json == null || json.isBlank()) return null;
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    /** Pretty JSON, or the text unchanged when it is not JSON. */
    public static String pretty(String json) {
        if (json == null) return "";
        JsonNode n = parse(json);
        if (n == null) return json;
        try {
            return PRETTY.writeValueAsString(n);
        } catch (IOException e) {
            return json;
        }
    }

    /**
     * The conversation an event shows: a model call's input messages followed by nothing else, a response's
     * content and tool calls, or the event's own text as one message from its actor.
     */
    public static List<ChatMessage> conversation(Event e) {
        JsonNode p = parse(e.payloadJson());
        List<ChatMessage> out = new ArrayList<>();
        if (p != null && p.path("messages").isArray()) {
            for (JsonNode m : p.path("messages")) {
                out.add(new ChatMessage(m.path("role").asText("?"), contentText(m.path("content")), toolCalls(m.path("tool_calls"))));
            }
            return out;
        }
        String role = switch (e.kind()) {
            case SYSTEM_PROMPT -> "system";
            case USER_MESSAGE -> "user";
            case MODEL_RESPONSE, TOOL_CALL -> "assistant";
            case TOOL_RESULT -> "tool";
            case RETRIEVAL -> "document";
            default -> e.actor() == null ? "note" : e.actor();
        };
        String calls = p != null ? toolCalls(p.path("tool_calls")) : "";
        out.add(new ChatMessage(role, e.text() == null ? "" : e.text(), calls));
        return out;
    }

    /** A tool call's arguments, pretty-printed; empty when the event has none. */
    public static String toolArguments(Event e) {
        JsonNode p = parse(e.payloadJson());
        if (p == null || !p.has("arguments")) return "";
        JsonNode args = p.get("arguments");
        if (args.isTextual()) return pretty(args.asText());
        try {
            return PRETTY.writeValueAsString(args);
        } catch (IOException ex) {
            return args.toString();
        }
    }

    static String contentText(JsonNode content) {
        if (content == null || content.isMissingNode() || content.isNull()) return "";
        if (content.isTextual()) return content.asText();
        if (content.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode part : content) {
                if (!sb.isEmpty()) sb.append('\n');
                if (part.isTextual()) sb.append(part.asText());
                else if (part.has("text")) sb.append(part.path("text").asText());
                else sb.append(part.toString());
            }
            return sb.toString();
        }
        return content.toString();
    }

    static String toolCalls(JsonNode calls) {
        if (calls == null || !calls.isArray()) return "";
        StringBuilder sb = new StringBuilder();
        for (JsonNode c : calls) {
            if (!sb.isEmpty()) sb.append('\n');
            JsonNode args = c.path("arguments");
            sb.append(c.path("name").asText("?")).append('(').append(args.isTextual() ? args.asText() : args.toString()).append(')');
        }
        return sb.toString();
    }
}
