package dev.tracehound.importers.chatshape;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import dev.tracehound.importers.read.Json;

/**
 * Turns the message shapes found in the wild into {@link ChatMessage}s: OpenAI Chat Completions, OTel GenAI
 * parts ({@code {role, parts:[{type:text|tool_call|tool_call_response}]}}), Anthropic content blocks, Vercel AI
 * SDK content arrays, OpenAI Responses items ({@code function_call}, {@code function_call_output}), LangChain
 * message dicts and their serialised form ({@code {lc:1, type:constructor, id:[…,"HumanMessage"], kwargs}}),
 * and the wrappers around them ({@code {messages:[…]}}, {@code {choices:[…]}}, {@code {generations:[[…]]}},
 * {@code {prompt, system}}). Unknown shapes become one message holding the JSON text, so nothing is lost.
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
        if (m != null && !m.isEmpty()) out.add(m);
        else if (out.size() == before && !node.isEmpty() && !isMessageLike(node)) {
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
        if (roleName == null && type != null && !"message".equals(type)) roleName = type;
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
                "tool".equals(role) || name != null ? name : null);
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
            case "tool_call", "tool_use", "tool-call", "function_call", "server_tool_call" -> calls.add(ToolCall.of(
                    Json.firstText(part, "id", "toolCallId", "call_id"),
                    Json.firstText(part, "name", "toolName"),
                    firstPresent(part, "arguments", "input", "args")));
            case "tool_call_response", "tool_result", "tool-result", "function_call_output", "server_tool_call_response" -> {
                JsonNode result = firstPresent(part, "response", "content", "output", "result");
                toolResults.add(new ChatMessage("tool", contentText(result), List.of(),
                        Json.firstText(part, "id", "tool_use_id", "toolCallId", "call_id"), Json.firstText(part, "toolName", "name")));
            }
            case "blob", "file", "uri", "image", "image_url", "input_image", "input_audio", "audio", "document" ->
                    // Binary parts carry base64 bytes; the evidence keeps them, the text only names them.
                    appendText(text, "[" + type + (part.has("mime_type") ? " " + part.get("mime_type").asText() : "") + "]");
            default -> {
                String t = Json.firstText(part, "text", "content");
                appendText(text, t != null ? t : "[" + (type.isEmpty() ? "part" : type) + "]");
            }
        }
    }

    /** Text of a tool result, which may itself be content blocks. */
    public static String contentText(JsonNode result) {
        if (result == null || result.isNull()) return null;
        if (result.isTextual()) return result.asText();
        if (result.isArray()) {
            StringBuilder sb = new StringBuilder();
            boolean allText = true;
            for (JsonNode p : result) {
                if (p.isObject() && p.has("text")) appendText(sb, p.get("text").asText());
                else if (p.isTextual()) appendText(sb, p.asText());
                else allText = false;
            }
            if (allText) return sb.toString();
        }
        if (result.isObject() && result.has("content") && result.size() <= 2) return contentText(result.get("content"));
        return result.toString();
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
        String role = Roles.normalise(cls, Roles.normalise(Json.firstText(kwargs, "role", "type"), defaultRole));
        List<ToolCall> calls = new ArrayList<>(toolCalls(kwargs.get("tool_calls")));
        if (calls.isEmpty() && kwargs.has("additional_kwargs")) calls.addAll(toolCalls(kwargs.get("additional_kwargs").get("tool_calls")));
        StringBuilder text = new StringBuilder();
        List<ChatMessage> ignoredResults = new ArrayList<>();
        readContent(kwargs.get("content"), text, calls, ignoredResults);
        return new ChatMessage(role, text.toString(), calls, Json.firstText(kwargs, "tool_call_id"), Json.firstText(kwargs, "name"));
    }
}
