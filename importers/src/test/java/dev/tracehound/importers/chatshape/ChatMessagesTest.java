package dev.tracehound.importers.chatshape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tracehound.importers.otlp.OtlpFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The message shapes of each framework, normalised to role / content / tool_calls / tool_call_id. */
class ChatMessagesTest {

    private static List<ChatMessage> in(String json) {
        return ChatMessages.fromInput(OtlpFixture.json(json));
    }

    @Test
    void anthropicToolResultBlocksBecomeOneToolMessageEach() {
        List<ChatMessage> m = in("""
                [{"role":"assistant","content":[{"type":"text","text":"Checking."},{"type":"tool_use","id":"t1","name":"ls","input":{"dir":"/"}}]},
                 {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":[{"type":"text","text":"etc home"}]},
                                           {"type":"tool_result","tool_use_id":"t2","content":"denied"}]}]
                """);
        assertEquals(3, m.size());
        assertEquals("Checking.", m.get(0).content());
        assertEquals("/", m.get(0).toolCalls().getFirst().arguments().get("dir").asText());
        assertEquals("tool", m.get(1).role());
        assertEquals("t1", m.get(1).toolCallId());
        assertEquals("etc home", m.get(1).content());
        assertEquals("t2", m.get(2).toolCallId());
    }

    @Test
    void langChainDictsAndGeminiParts() {
        List<ChatMessage> m = in("""
                {"messages":[{"type":"human","content":"hi"},
                             {"type":"ai","content":"","tool_calls":[{"name":"search","args":{"q":"x"},"id":"c1"}]},
                             {"type":"tool","content":"found","tool_call_id":"c1","name":"search"},
                             {"role":"model","parts":[{"text":"done"}]}]}
                """);
        assertEquals(List.of("user", "assistant", "tool", "assistant"), m.stream().map(ChatMessage::role).toList());
        assertEquals("search", m.get(1).toolCalls().getFirst().name());
        assertEquals("c1", m.get(2).toolCallId());
        assertEquals("done", m.get(3).content());
    }

    @Test
    void openAiFunctionCallArgumentsAreParsedWhenTheyAreJson() {
        List<ChatMessage> m = in("""
                [{"role":"assistant","content":null,"tool_calls":[{"id":"a","type":"function","function":{"name":"f","arguments":"{\\"n\\":1}"}},
                                                                 {"id":"b","type":"function","function":{"name":"g","arguments":"not json"}}]}]
                """);
        assertEquals(1, m.getFirst().toolCalls().get(0).arguments().get("n").asInt());
        assertEquals("not json", m.getFirst().toolCalls().get(1).arguments().asText());
        assertNull(m.getFirst().content());
    }

    @Test
    void unknownShapesAreKeptAsTheirJsonText() {
        List<ChatMessage> m = in("{\"input\":{\"city\":\"Berlin\"}}");
        assertEquals(1, m.size());
        assertEquals("{\"city\":\"Berlin\"}", m.getFirst().content());
        assertEquals("user", m.getFirst().role());
    }

    @Test
    void binaryPartsAreNamedNotInlined() {
        List<ChatMessage> m = in("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"see\"},"
                + "{\"type\":\"blob\",\"modality\":\"image\",\"mime_type\":\"image/png\",\"content\":\"iVBORw0KGgo=\"}]}]");
        assertEquals("see\n[blob image/png]", m.getFirst().content());
    }
}
