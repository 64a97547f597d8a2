package dev.tracehound.importers.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.importers.read.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Normalises chat messages from the OpenAI Chat Completions and Anthropic Messages shapes into the one
 * shape of docs/event-model.md: {@code {"role","content","tool_calls":[{"id","name","arguments"}],"tool_call_id","name"}}.
 * An Anthropic user message holding tool_result blocks becomes one {@code role=tool} message per block
 * (and a user message for any text beside them), as OpenAI would have sent it.
 */
public final class ChatMessages {
    private ChatMessages() {}

    /** One source message as zero or more normalised messages; throws IllegalArgumentException when it is not a message. */
    public static List<ObjectNode> normalise(JsonNode m) {
        if (m == null || !m.isObject()) throw new IllegalArgumentException("a chat message must be a JSON object");
        String role = role(m);
        JsonNode content = m.get("content");
        List<ObjectNode> out = new ArrayList<>();
        ArrayNode calls = Json.MAPPER.createArrayNode();
        List<ObjectNode> toolResults = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        if (content != null && content.isArray()) {
            for (JsonNode block : content) {
                String type = Json.text(block, "type");
                if ("tool_use".equals(type) || "server_tool_use".equals(type) || "mcp_tool_use".equals(type)) {
                    calls.add(call(Json.text(block, "id"), Json.text(block, "name"), block.get("input")));
                } else if ("tool_result".equals(type) || "mcp_tool_result".equals(type)) {
                    ObjectNode r = Json.object();
                    r.put("role", "tool");
                    r.put("content", contentText(block.get("content")));
                    r.put("tool_call_id", Json.text(block, "tool_use_id"));
                    if (block.path("is_error").asBoolean(false)) r.put("is_error", true);
                    toolResults.add(r);
                } else {
                    append(text, blockText(block));
                }
            }
        } else {
            append(text, contentText(content));
        }
        JsonNode toolCalls = m.get("tool_calls");
        if (toolCalls != null && toolCalls.isArray()) {
            for (JsonNode c : toolCalls) {
                JsonNode fn = c.has("function") ? c.get("function") : c;
                calls.add(call(Json.text(c, "id"), Json.text(fn, "name"), fn.get("arguments")));
            }
        }
        JsonNode legacy = m.get("function_call");
        if (legacy != null && legacy.isObject()) calls.add(call(null, Json.text(legacy, "name"), legacy.get("arguments")));

        boolean onlyToolResults = !toolResults.isEmpty() && text.isEmpty() && calls.isEmpty();
        if (!onlyToolResults) {
            ObjectNode n = Json.object();
            n.put("role", role);
            n.put("content", text.toString());
            if (!calls.isEmpty()) n.set("tool_calls", calls);
            copy(m, n, "tool_call_id");
            copy(m, n, "name");
            out.add(n);
        }
        out.addAll(toolResults);
        return out;
    }

    static String role(JsonNode m) {
        String role = Json.text(m, "role");
        if (role == null) throw new IllegalArgumentException("chat message without a \"role\"");
        role = role.strip().toLowerCase(Locale.ROOT);
        return switch (role) {
            case "developer" -> "system";
            case "function" -> "tool";
            case "human" -> "user";
            case "ai", "model" -> "assistant";
            default -> role;
        };
    }

    private static ObjectNode call(String id, String name, JsonNode arguments) {
        ObjectNode c = Json.object();
        c.put("id", id);
        c.put("name", name);
        c.set("arguments", arguments(arguments));
        return c;
    }

    /** Arguments as an object when they parse as JSON, else as the string given. */
    public static JsonNode arguments(JsonNode arguments) {
        if (arguments == null || arguments.isNull()) return Json.object();
        if (arguments.isTextual()) return Json.parseLenient(arguments.asText());
        return arguments;
    }

    /** The text of a content field: a string, or text parts joined by newlines; other parts as placeholders. */
    public static String contentText(JsonNode content) {
        if (content == null || content.isNull()) return "";
        if (content.isTextual()) return content.asText();
        if (content.isArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonNode part : content) append(b, blockText(part));
            return b.toString();
        }
        if (content.isObject()) {
            String t = blockText(content);
            return t != null ? t : Json.write(content);
        }
        return content.asText();
    }

    private static String blockText(JsonNode block) {
        if (block == null || block.isNull()) return null;
        if (block.isTextual()) return block.asText();
        String type = Json.text(block, "type");
        if (block.hasNonNull("text")) return block.get("text").asText();
        if ("thinking".equals(type)) return Json.text(block, "thinking");
        if ("redacted_thinking".equals(type)) return "[redacted thinking]";
        if ("image".equals(type) || "image_url".equals(type) || "input_image".equals(type)) return "[image]";
        if ("document".equals(type) || "file".equals(type)) return "[" + type + "]";
        return Json.write(block);
    }

    private static void append(StringBuilder b, String s) {
        if (s == null || s.isEmpty()) return;
        if (!b.isEmpty()) b.append('\n');
        b.append(s);
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.hasNonNull(field)) to.put(field, from.get(field).asText());
    }
}
