package dev.tracehound.importers.langfuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.CollectingSink;
import dev.tracehound.importers.ImportFixture;
import dev.tracehound.importers.otlp.OtlpFixture;
import dev.tracehound.timeline.event.Event;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Langfuse's own test suite ships, next to two framework traces, the ChatML it expects its normaliser to make of
 * each observation (*.chatml.json). Our messages must say the same: roles, texts, tool call ids and names.
 */
class ChatmlAgreementTest {

    @ParameterizedTest
    @ValueSource(strings = {"langfuse_openai-agents-2025-09-30", "langfuse_claude-agent-2025-12-22"})
    void ourMessagesAgreeWithLangfusesChatml(String name) throws IOException {
        CollectingSink sink = ImportFixture.importFile(new LangfuseImporter(), ImportFixture.resource("samples/langfuse/" + name + ".trace.json"));
        JsonNode expected = OtlpFixture.readJson(ImportFixture.resource("samples/langfuse/" + name + ".chatml.json"));
        int compared = 0;
        for (Map.Entry<String, JsonNode> e : expected.properties()) {
            Event call = sink.events.stream().filter(ev -> ev.dedupKey() != null && ev.dedupKey().endsWith(":" + e.getKey() + ":call"))
                    .findFirst().orElse(null);
            if (call == null) continue; // a tool or span observation: ChatML of its input, not a model call
            JsonNode in = e.getValue().get("input");
            if (in.get("success").asBoolean()) {
                assertEquals(summary(in.get("data")), summary(OtlpFixture.json(call.payloadJson()).get("messages")), e.getKey() + " input");
                compared++;
            }
            JsonNode out = e.getValue().get("output");
            if (out.get("success").asBoolean()) {
                Event response = sink.byDedupKey(call.dedupKey().replace(":call", ":response"));
                JsonNode payload = OtlpFixture.json(response.payloadJson());
                List<String> ours = new ArrayList<>();
                if (!payload.get("content").asText().isEmpty()) ours.add("assistant|" + payload.get("content").asText());
                payload.get("tool_calls").forEach(c -> ours.add("call|" + c.get("id").asText() + "|" + c.get("name").asText()));
                assertEquals(summary(out.get("data")), ours, e.getKey() + " output");
                compared++;
            }
        }
        assertTrue(compared >= 4, "compared " + compared);
    }

    /** Role and text per message, and one entry per tool call: what a reader would compare. */
    private static List<String> summary(JsonNode messages) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : messages) {
            String role = m.has("role") ? m.get("role").asText() : "assistant";
            String text = text(m.get("content"));
            if (!text.isEmpty()) out.add(role + "|" + text);
            if ("tool".equals(role) && text.isEmpty()) out.add(role + "|");
            if (m.has("tool_call_id")) out.add("result-for|" + m.get("tool_call_id").asText());
            if (m.has("tool_calls")) m.get("tool_calls").forEach(c -> out.add("call|" + c.get("id").asText() + "|" + name(c)));
            if (m.has("content") && m.get("content").isArray()) {
                m.get("content").forEach(b -> {
                    if ("tool_use".equals(b.path("type").asText())) out.add("call|" + b.get("id").asText() + "|" + b.get("name").asText());
                });
            }
        }
        return out;
    }

    private static String name(JsonNode call) {
        return call.has("function") ? call.get("function").get("name").asText() : call.get("name").asText();
    }

    private static String text(JsonNode content) {
        if (content == null || content.isNull()) return "";
        if (content.isTextual()) return content.asText();
        StringBuilder sb = new StringBuilder();
        for (JsonNode b : content) {
            if (b.has("text")) {
                if (!sb.isEmpty()) sb.append('\n');
                sb.append(b.get("text").asText());
            }
        }
        return sb.toString();
    }
}
