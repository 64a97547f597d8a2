package dev.tracehound.importers.chatshape;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import dev.tracehound.importers.read.Json;

/**
 * Turns the message shapes found in the wild into {@link ChatMessage}s: OpenAI Chat Completions, OTel GenAI
 * parts ({@code {role, parts:[{type:text|tool_call|tool_call_response}]}}), Anthropic content blocks, Vercel AI
 * SDK content arrays, OpenAI Responses items ({@code function_call}, {@code function_call_output}), LangChain
 * message dicts and their serialised form ({@code {lc:1, type:constructor, id:[…,"HumanMessage"], kwargs}}),
 * and the wrappers around them ({@code {messages:[…]}}, {@code {choices:[…]}}, {@code {generations:[[…]]}},
 * {@code {prompt, system}}). Unknown shapes become one message holding the JSON text, so nothing is lost.
 *
 * <p>Nothing the source recorded as a message is dropped: a message without content (an assistant turn that said
 * nothing, a tool result with no output) is still a turn someone took, and a role this class does not know is kept
 * as written (see {@link Roles}). Every importer reads chat through this one class, so they agree on that.
 */
public final class ChatMessages {
    private ChatMessages() {}

    /** Messages of a model input; bare text is what the user said. */
    public static List<ChatMessage> fromInput(JsonNode node) {
        List<ChatMessage> out = new ArrayList<>();
        collect(Json.decodeNested(node), "user", out, 0);
        return out;
    }

    /** Messages of a model output; bare text is what the assistant said. */
    public static List<ChatMessage> fromOutput(JsonNode node) {
        List<ChatMessage> out = new ArrayList<>();
        collect(Json.decodeNested(node), "assistant", out, 0);
        return out;
    }

    /**
     * One message as a transcript recorded it (an object with a {@code role}), as one or more messages: Anthropic
     * tool_result blocks become one tool message each. Throws IllegalArgumentException when it is not a message,
     * because a role-less record is not ours to attribute.
     */
    public static List<ChatMessage> fromMessage(JsonNode m) {
        if (m == null || !m.isObject()) throw new IllegalArgumentException("a chat message must be a JSON object");
        if (Json.firstText(m, "role") == null || m.get("role").asText().isBlank()) {
            throw new IllegalArgumentException("chat message without a \"role\"");
        }
        List<ChatMessage> out = new ArrayList<>();
        out.add(message(m, "user", out));
        return out;
    }

    /** The finish reason an output names, if any ({@code finish_reason}, {@code stop_reason}, choices[0]). */
    public static String finishReason(JsonNode output) {
        JsonNode n = Json.decodeNested(output);
        if (n == null) return null;
        if (n.isArray() && !n.isEmpty()) n = n.get(n.size() - 1);
        if (!n.isObject()) return null;
        String direct = reason(n);
        if (direct != null) return direct;
        JsonNode choices = n.get("choices");
        if (choices != null && choices.isArray() && !choices.isEmpty()) return reason(choices.get(0));
        return null;
    }

    /** A finish reason field; streamed OpenAI chunks nest the final chunk object there, which holds the reason. */
    private static String reason(JsonNode n) {
        for (String f : new String[] {"finish_reason", "finishReason", "stop_reason"}) {
            JsonNode v = n.get(f);
            if (v == null || v.isNull()) continue;
            if (v.isObject()) return Json.firstText(v, "finish_reason", "finishReason");
            return v.asText();
        }
        return null;
    }

    private static void collect(JsonNode node, String defaultRole, List<ChatMessage> out, int depth) {
        if (node == null || node.isNull() || node.isMissingNode() || depth > 6) return;
        if (node.isTextual()) {
            if (!node.asText().isEmpty()) out.add(ChatMessage.text(defaultRole, node.asText()));
            return;
        }
        if (node.isArray()) {
            for (JsonNode item : node) collect(item, defaultRole, out, depth + 1);
            return;
        }
        if (!node.isObject()) {
            out.add(ChatMessage.text(defaultRole, node.asText()));
            return;
        }
        if (unwrap(node, defaultRole, out, depth)) return;
        int before = out.size();
        ChatMessage m = message(node, defaultRole, out);
        if (m != null && (!m.isEmpty() || isMessageLike(node))) out.add(m); // an empty turn is still a turn
        else if (out.size() == before && !node.isEmpty()) {
            out.add(ChatMessage.text(defaultRole, node.toString())); // an unknown shape: keep it as its JSON text
        }
    }

    /** Wrappers that hold messages rather than being one. */
    private static boolean unwrap(JsonNode node, String defaultRole, List<ChatMessage> out, int depth) {
        if (isMessageLike(node)) return false;
        boolean found = false;
        String system = Json.firstText(node, "system", "instructions");
        if (system != null && !node.has("object")) { // a Responses API result repeats its instructions: not input
            out.add(ChatMessage.text("system", system));
            found = true;
        }
        for (String key : new String[] {"messages", "input_messages", "prompt", "prompts", "input", "contents"}) {
            JsonNode v = node.get(key);
            if (v != null && !v.isNull()) {
                collect(Json.decodeNested(v), defaultRole, out, depth + 1);
                return true;
            }
        }
        JsonNode choices = node.get("choices");
        if (choices != null && choices.isArray()) {
            for (JsonNode c : choices) collect(c.has("message") ? c.get("message") : c.get("text"), "assistant", out, depth + 1);
            return true;
        }
        JsonNode generations = node.get("generations");
        if (generations != null && generations.isArray()) {
            for (JsonNode g : generations) {
                for (JsonNode gen : g.isArray() ? g : List.of(g)) {
                    collect(gen.has("message") ? gen.get("message") : gen.get("text"), "assistant", out, depth + 1);
                }
            }
            return true;
        }
        JsonNode output = node.get("output");
        if (output != null && (output.isArray() || output.isTextual())) {
            collect(output, "assistant", out, depth + 1);
            return true;
        }
        if (node.has("text") && node.size() <= 3 && node.get("text").isTextual()) {
            out.add(ChatMessage.text(defaultRole, node.get("text").asText()));
            return true;
        }
        return found;
    }

    private static boolean isMessageLike(JsonNode n) {
        return n.has("role") || n.has("parts") || n.has("lc") || n.has("tool_calls") || n.has("toolCallId")
                || (n.has("type") && n.has("content")) || isResponsesItem(n);
    }

    private static boolean isResponsesItem(JsonNode n) {
        String type = Json.firstText(n, "type");
        return "function_call".equals(type) || "function_call_output".equals(type) || "message".equals(type);
    }

    private static ChatMessage message(JsonNode n, String defaultRole, List<ChatMessage> out) {
        if (n.has("lc") && n.has("kwargs")) return langChainSerialised(n, defaultRole);
        String type = Json.firstText(n, "type");
        if ("function_call".equals(type)) {
            return new ChatMessage("assistant", null,
                    List.of(ToolCall.of(Json.firstText(n, "call_id", "id"), Json.firstText(n, "name"), n.get("arguments"))), null, null);
        }
        if ("function_call_output".equals(type)) {
            return new ChatMessage("tool", Json.text(n.get("output")), List.of(), Json.firstText(n, "call_id"), null);
        }
        if (!n.has("role") && n.has("toolCallId") && n.has("toolName")) {
            JsonNode args = n.has("input") ? n.get("input") : n.get("args");
            return new ChatMessage("assistant", null,
                    List.of(ToolCall.of(Json.firstText(n, "toolCallId"), Json.firstText(n, "toolName"), args)), null, null);
        }
        String roleName = Json.firstText(n, "role");
        // LangChain dicts name the role in "type"; other types (text parts, custom records) name no speaker
        if (roleName == null && Roles.known(type) != null) roleName = type;
        String role = Roles.normalise(roleName, defaultRole);
        String name = Json.firstText(n, "name");
        String toolCallId = Json.firstText(n, "tool_call_id", "toolCallId", "tool_use_id", "call_id");
        List<ToolCall> calls = new ArrayList<>(toolCalls(n.get("tool_calls")));
        if (n.has("additional_kwargs")) calls.addAll(toolCalls(n.get("additional_kwargs").get("tool_calls")));
        if (calls.isEmpty() && n.has("function_call")) calls.addAll(toolCalls(List.of(n.get("function_call"))));
        StringBuilder text = new StringBuilder();
        JsonNode body = n.has("parts") ? n.get("parts") : n.get("content");
        if (body == null && n.has("text")) body = n.get("text");
        if (body != null && body.isNull()) body = null; // "content": null stays absent, not ""
        List<ChatMessage> toolResults = new ArrayList<>();
        readContent(body, text, calls, toolResults);
        // A message that only carries tool results (Anthropic user turns, OTel tool_call_response parts) is
        // those results: one tool message each, so every result keeps its own call id.
        if (!toolResults.isEmpty() && text.isEmpty() && calls.isEmpty()) {
            out.addAll(toolResults.subList(0, toolResults.size() - 1));
            return toolResults.getLast();
        }
        out.addAll(toolResults);
        if ("tool".equals(role) && toolCallId == null) toolCallId = Json.firstText(n, "id");
        return new ChatMessage(role, text.isEmpty() && body == null ? null : text.toString(), calls, toolCallId,
                "tool".equals(role) || name != null ? name : null, roleName, n.path("is_error").asBoolean(false));
    }

    private static void readContent(JsonNode body, StringBuilder text, List<ToolCall> calls, List<ChatMessage> toolResults) {
        if (body == null || body.isNull()) return;
        if (body.isTextual()) {
            text.append(body.asText());
            return;
        }
        if (!body.isArray()) {
            if (body.isObject() && (body.has("text") || body.has("content"))) {
                readPart(body, text, calls, toolResults);
            } else {
                text.append(body.toString());
            }
            return;
        }
        for (JsonNode part : body) readPart(part, text, calls, toolResults);
    }

    private static void readPart(JsonNode part, StringBuilder text, List<ToolCall> calls, List<ChatMessage> toolResults) {
        if (part.isTextual()) {
            appendText(text, part.asText());
            return;
        }
        String type = Json.firstText(part, "type");
        if (type == null) type = part.has("text") ? "text" : "";
        switch (type) {
            case "text", "input_text", "output_text", "reasoning", "thinking", "refusal" -> {
                String t = Json.firstText(part, "text", "content", "thinking", "refusal");
                if (t != null) appendText(text, t);
            }
            case "tool_call", "tool_use", "tool-call", "function_call", "server_tool_call", "server_tool_use", "mcp_tool_use" -> calls.add(ToolCall.of(
                    Json.firstText(part, "id", "toolCallId", "call_id"),
                    Json.firstText(part, "name", "toolName"),
                    firstPresent(part, "arguments", "input", "args")));
            case "tool_call_response", "tool_result", "tool-result", "function_call_output", "server_tool_call_response",
                 "mcp_tool_result" -> {
                JsonNode result = firstPresent(part, "response", "content", "output", "result");
                toolResults.add(new ChatMessage("tool", result == null ? null : contentText(result), List.of(),
                        Json.firstText(part, "id", "tool_use_id", "toolCallId", "call_id"), Json.firstText(part, "toolName", "name"),
                        null, part.path("is_error").asBoolean(false)));
            }
            case "blob", "file", "uri", "image", "image_url", "input_image", "input_audio", "audio", "document",
                 "redacted_thinking" ->
                    // Binary parts carry base64 bytes; the evidence keeps them, the text only names them.
                    appendText(text, "[" + type + (part.has("mime_type") ? " " + part.get("mime_type").asText() : "") + "]");
            default -> {
                // a part of a type not known here keeps its JSON, so its content stays readable and searchable
                String t = Json.firstText(part, "text", "content");
                appendText(text, t != null ? t : part.toString());
            }
        }
    }

    /**
     * The text of a content field or tool result: a string as it is; content parts joined by newlines (text as
     * text, images and files as placeholders, other parts as their JSON); any other JSON as JSON; "" when absent.
     */
    public static String contentText(JsonNode content) {
        if (content == null || content.isNull() || content.isMissingNode()) return "";
        if (content.isTextual()) return content.asText();
        if (content.isArray()) {
            for (JsonNode p : content) if (!isContentPart(p)) return content.toString(); // data, not content parts
            StringBuilder sb = new StringBuilder();
            for (JsonNode p : content) {
                String t = partText(p);
                if (!t.isEmpty()) appendText(sb, t);
            }
            return sb.toString();
        }
        if (content.isObject()) {
            if (!content.has("text") && content.has("content") && content.size() <= 2) return contentText(content.get("content"));
            return isContentPart(content) ? partText(content) : content.toString();
        }
        return content.asText();
    }

    /** A string, or an object that is one part of a message's content (typed, or a lone text). */
    private static boolean isContentPart(JsonNode p) {
        return p.isTextual() || p.isObject() && (p.has("type") || p.has("text") && p.size() == 1);
    }

    private static String partText(JsonNode part) {
        if (part.isTextual()) return part.asText();
        if (part.hasNonNull("text")) return Json.text(part.get("text"));
        String type = Json.firstText(part, "type");
        if (type == null) return part.toString();
        return switch (type) {
            case "thinking" -> Objects.requireNonNullElse(Json.firstText(part, "thinking"), "");
            case "redacted_thinking" -> "[redacted thinking]";
            case "image", "image_url", "input_image" -> "[image]";
            case "document", "file" -> "[" + type + "]";
            default -> part.toString();
        };
    }

    private static void appendText(StringBuilder sb, String t) {
        if (t == null) return;
        if (!sb.isEmpty()) sb.append('\n');
        sb.append(t);
    }

    private static JsonNode firstPresent(JsonNode n, String... fields) {
        for (String f : fields) {
            JsonNode v = n.get(f);
            if (v != null && !v.isNull()) return v;
        }
        return null;
    }

    /** OpenAI {@code {id, function:{name, arguments}}}, LangChain {@code {id, name, args}} or flat shapes. */
    public static List<ToolCall> toolCalls(Iterable<JsonNode> calls) {
        List<ToolCall> out = new ArrayList<>();
        if (calls == null) return out;
        for (JsonNode c : calls) {
            if (c == null || !c.isObject()) continue;
            JsonNode fn = c.has("function") && c.get("function").isObject() ? c.get("function") : c;
            out.add(ToolCall.of(Json.firstText(c, "id", "call_id", "tool_call_id"),
                    Json.firstText(fn, "name"),
                    firstPresent(fn, "arguments", "args", "input")));
        }
        return out;
    }

    private static ChatMessage langChainSerialised(JsonNode n, String defaultRole) {
        JsonNode id = n.get("id");
        String cls = id != null && id.isArray() && !id.isEmpty() ? id.get(id.size() - 1).asText() : null;
        JsonNode kwargs = n.get("kwargs");
        String sourceRole = Json.firstText(kwargs, "role");
        if (sourceRole == null) sourceRole = Roles.known(cls) != null ? cls : Json.firstText(kwargs, "type");
        String role = Roles.normalise(sourceRole, defaultRole);
        List<ToolCall> calls = new ArrayList<>(toolCalls(kwargs.get("tool_calls")));
        if (calls.isEmpty() && kwargs.has("additional_kwargs")) calls.addAll(toolCalls(kwargs.get("additional_kwargs").get("tool_calls")));
        StringBuilder text = new StringBuilder();
        List<ChatMessage> ignoredResults = new ArrayList<>();
        readContent(kwargs.get("content"), text, calls, ignoredResults);
        return new ChatMessage(role, text.toString(), calls, Json.firstText(kwargs, "tool_call_id"), Json.firstText(kwargs, "name"),
                sourceRole, false);
    }
}
