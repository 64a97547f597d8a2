package dev.tracehound.timeline.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper: turns one OpenAI-chat conversation into events following docs/event-model.md, so detector
 * tests can run over the real corpus files without depending on the importers module.
 */
public final class ChatFixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long BASE = 1_700_000_000_000_000_000L;

    private ChatFixture() {}

    public static List<Event> events(String sessionId, JsonNode messages, String evidenceSha) {
        List<Event> out = new ArrayList<>();
        Map<String, String> toolOfCall = new HashMap<>();
        int seq = 0;
        int i = 0;
        for (JsonNode m : messages) {
            i++;
            String role = m.path("role").asText();
            String content = m.path("content").isNull() ? "" : m.path("content").asText("");
            String loc = "line:1#msg" + i;
            switch (role) {
                case "system" -> out.add(base(evidenceSha, loc, sessionId, seq++).kind(EventKind.SYSTEM_PROMPT).actor("system").trust(Trust.SYSTEM).text(content).build());
                case "user" -> out.add(base(evidenceSha, loc, sessionId, seq++).kind(EventKind.USER_MESSAGE).actor("user").trust(Trust.USER).text(content).build());
                case "assistant" -> {
                    ObjectNode payload = JSON.createObjectNode();
                    payload.put("content", content);
                    var calls = payload.putArray("tool_calls");
                    for (JsonNode tc : m.path("tool_calls")) {
                        JsonNode fn = tc.path("function");
                        ObjectNode c = calls.addObject();
                        c.put("id", tc.path("id").asText());
                        c.put("name", fn.path("name").asText());
                        c.set("arguments", parse(fn.path("arguments").asText("{}")));
                    }
                    out.add(base(evidenceSha, loc, sessionId, seq++).kind(EventKind.MODEL_RESPONSE).actor("assistant").trust(Trust.MODEL)
                            .text(content).payloadJson(payload.toString()).build());
                    int k = 0;
                    for (JsonNode c : calls) {
                        String name = c.path("name").asText();
                        toolOfCall.put(c.path("id").asText(), name);
                        ObjectNode p = JSON.createObjectNode();
                        p.put("name", name);
                        p.set("arguments", c.get("arguments"));
                        out.add(base(evidenceSha, loc + "#call" + (k++), sessionId, seq++).kind(EventKind.TOOL_CALL).actor("assistant")
                                .trust(Trust.MODEL).toolName(name).toolCallId(c.path("id").asText())
                                .text(name + "(" + c.get("arguments") + ")").payloadJson(p.toString()).build());
                    }
                }
                case "tool" -> {
                    String id = m.path("tool_call_id").asText(null);
                    String name = m.hasNonNull("name") ? m.get("name").asText() : toolOfCall.get(id);
                    out.add(base(evidenceSha, loc, sessionId, seq++).kind(EventKind.TOOL_RESULT).actor(name).trust(Trust.TOOL_OUTPUT)
                            .toolName(name).toolCallId(id).text(content).build());
                }
                default -> out.add(base(evidenceSha, loc, sessionId, seq++).kind(EventKind.NOTE).text(content).build());
            }
        }
        return out;
    }

    private static Event.Builder base(String sha, String loc, String session, int seq) {
        return Event.builder(sha, loc + ":" + session).sessionId(session).sequence(seq).startNanos(BASE + seq * 1000L);
    }

    private static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            return JSON.getNodeFactory().textNode(s);
        }
    }
}
