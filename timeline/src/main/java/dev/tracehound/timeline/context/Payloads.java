package dev.tracehound.timeline.context;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.tracehound.timeline.event.Event;
import java.util.ArrayList;
import java.util.List;

/** Reads the normalised chat shapes of docs/event-model.md out of event payloads, tolerating what sources vary. */
public final class Payloads {
    private Payloads() {}

    static final ObjectMapper JSON = new ObjectMapper();

    /** The payload as a tree; a missing node when absent or not JSON (the text still carries the content). */
    public static JsonNode of(Event e) {
        if (e.payloadJson() == null || e.payloadJson().isBlank()) return MissingNode.getInstance();
        try {
            return JSON.readTree(e.payloadJson());
        } catch (JsonProcessingException ex) {
            return MissingNode.getInstance();
        }
    }

    /** Message content as text: a string, or the text parts of a content array joined by newlines. */
    public static String text(JsonNode content) {
        if (content == null || content.isMissingNode() || content.isNull()) return "";
        if (content.isTextual()) return content.asText();
        if (content.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode p : content) {
                if (p.isTextual()) parts.add(p.asText());
                else if (p.hasNonNull("text")) parts.add(p.get("text").asText());
                else if (p.hasNonNull("content")) parts.add(text(p.get("content")));
            }
            return String.join("\n", parts);
        }
        return content.toString();
    }

    /** Arguments as JSON text: objects serialised, strings kept as written. */
    public static String argumentsJson(JsonNode args) {
        if (args == null || args.isMissingNode() || args.isNull()) return "{}";
        return args.isTextual() ? args.asText() : args.toString();
    }

    /** Tool calls in {@code [{"id","name","arguments"}]}, also accepting OpenAI's {@code function} wrapper. */
    public static List<ContextPart.ToolCall> toolCalls(JsonNode calls) {
        List<ContextPart.ToolCall> out = new ArrayList<>();
        if (calls == null || !calls.isArray()) return out;
        for (JsonNode c : calls) {
            JsonNode fn = c.has("function") ? c.get("function") : c;
            out.add(new ContextPart.ToolCall(
                    c.hasNonNull("id") ? c.get("id").asText() : null,
                    fn.hasNonNull("name") ? fn.get("name").asText() : null,
                    argumentsJson(fn.get("arguments"))));
        }
        return out;
    }

    /** The arguments of a TOOL_CALL event as JSON text (payload first, else the event text). */
    public static String toolArguments(Event call) {
        JsonNode p = of(call);
        if (p.has("arguments")) return argumentsJson(p.get("arguments"));
        if (p.has("input")) return argumentsJson(p.get("input"));
        return call.text() == null ? "" : call.text();
    }

    /** Tool definitions, in the normalised shape or OpenAI's {@code {"type":"function","function":{...}}}. */
    public static List<ToolSpec> tools(JsonNode tools) {
        List<ToolSpec> out = new ArrayList<>();
        if (tools == null || !tools.isArray()) return out;
        for (JsonNode t : tools) {
            JsonNode fn = t.has("function") ? t.get("function") : t;
            JsonNode params = fn.has("parameters") ? fn.get("parameters") : fn.has("input_schema") ? fn.get("input_schema") : fn.get("inputSchema");
            out.add(new ToolSpec(
                    fn.hasNonNull("name") ? fn.get("name").asText() : null,
                    fn.hasNonNull("description") ? fn.get("description").asText() : null,
                    params == null || params.isNull() ? null : params.toString()));
        }
        return out;
    }
}
