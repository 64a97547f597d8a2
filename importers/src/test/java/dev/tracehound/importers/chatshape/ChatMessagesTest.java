package dev.tracehound.importers.chatshape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void emptyTurnsAndRolesOutsideTheFourAreKeptWithTheSourceRoleAsActor() {
        List<ChatMessage> m = in("""
                [{"role":"developer","content":"Answer in French."},
                 {"role":"assistant","content":null},
                 {"role":"ipython","content":"42"},
                 {"role":"Critic","content":"Too long."},
                 {"role":"function","name":"get_time","content":"noon"},
                 {"type":"human","content":"hi"}]
                """);
        assertEquals(List.of("system", "assistant", "tool", "Critic", "tool", "user"), m.stream().map(ChatMessage::role).toList());
        assertEquals(List.of("developer", "assistant", "ipython", "Critic", "get_time", "user"), m.stream().map(ChatMessage::actor).toList());
        assertTrue(m.get(1).isEmpty(), "the empty assistant turn is kept, not dropped");
        assertEquals("developer", m.getFirst().toJson().get("source_role").asText());
    }

    @Test
    void aTranscriptMessageMustNameItsRole() {
        assertThrows(IllegalArgumentException.class, () -> ChatMessages.fromMessage(OtlpFixture.json("{\"content\":\"who said this?\"}")));
        assertThrows(IllegalArgumentException.class, () -> ChatMessages.fromMessage(OtlpFixture.json("42")));
        List<ChatMessage> empty = ChatMessages.fromMessage(OtlpFixture.json("{\"role\":\"assistant\",\"content\":null}"));
        assertEquals(1, empty.size());
        assertNull(empty.getFirst().content());
    }

    @Test
    void mcpBlocksAndFailedToolResultsSurvive() {
        List<ChatMessage> call = ChatMessages.fromMessage(OtlpFixture.json("""
                {"role":"assistant","content":[{"type":"mcp_tool_use","id":"m1","name":"search","server_name":"docs","input":{"q":"x"}}]}
                """));
        assertEquals("search", call.getFirst().toolCalls().getFirst().name());
        assertEquals("x", call.getFirst().toolCalls().getFirst().arguments().get("q").asText());
        List<ChatMessage> result = ChatMessages.fromMessage(OtlpFixture.json("""
                {"role":"user","content":[{"type":"mcp_tool_result","tool_use_id":"m1","is_error":true,"content":[{"type":"text","text":"boom"}]}]}
                """));
        ChatMessage r = result.getFirst();
        assertEquals("tool", r.role());
        assertEquals("m1", r.toolCallId());
        assertEquals("boom", r.content());
        assertTrue(r.isError());
        assertTrue(r.toJson().get("is_error").asBoolean());
    }

    @Test
    void partsOfUnknownTypeKeepTheirJson() {
        List<ChatMessage> m = in("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"look\"},{\"type\":\"widget\",\"payload\":{\"a\":1}}]}]");
        assertEquals("look\n{\"type\":\"widget\",\"payload\":{\"a\":1}}", m.getFirst().content());
    }

    @Test
    void contentTextReadsBlocksButKeepsDataWhole() {
        assertEquals("a\n[image]", ChatMessages.contentText(OtlpFixture.json("[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"image\",\"source\":{}}]")));
        assertEquals("[{\"id\":1},{\"id\":2}]", ChatMessages.contentText(OtlpFixture.json("[{\"id\":1},{\"id\":2}]")));
        assertEquals("{\"text\":\"t\",\"score\":0.5}", ChatMessages.contentText(OtlpFixture.json("{\"text\":\"t\",\"score\":0.5}")));
        assertEquals("", ChatMessages.contentText(null));
    }
}
