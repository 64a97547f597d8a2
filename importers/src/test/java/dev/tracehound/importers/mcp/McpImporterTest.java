package dev.tracehound.importers.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.CollectingSink;
import dev.tracehound.importers.FileHeads;
import dev.tracehound.importers.ImportFixture;
import dev.tracehound.importers.Importers;
import dev.tracehound.importers.read.Hashes;
import dev.tracehound.importers.read.Json;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class McpImporterTest {
    private static final Path GATEWAY = ImportFixture.resource("samples/mcp/gateway_wrapped.jsonl");
    private static final Path BARE = ImportFixture.resource("samples/mcp/bare_stdio.jsonl");
    private final McpImporter importer = new McpImporter();

    @Test
    void detectsBareAndWrappedLogs() throws Exception {
        assertEquals("mcp", Importers.detect(FileHeads.read(GATEWAY)).format());
        assertEquals("mcp", Importers.detect(FileHeads.read(BARE)).format());
    }

    @Test
    void pairsCallsPerServerAndShowsTheRugPull() throws Exception {
        CollectingSink sink = ImportFixture.importFile(importer, GATEWAY);
        assertEquals(18, sink.records());
        assertEquals(0, sink.quarantined(), sink.reasons());
        assertEquals(List.of("mcp:mail", "mcp:notes"), List.copyOf(sink.sessions().keySet()));

        // the same JSON-RPC id 2 on two servers pairs with the right server's response
        Event notesResult = sink.only(e -> e.kind() == EventKind.TOOL_RESULT && "search_notes".equals(e.toolName()));
        assertEquals("Found 1 note: q3-plan (id n-17)", notesResult.text());
        assertEquals("mcp:notes:2", notesResult.toolCallId());
        assertTrue(notesResult.payloadJson().contains("\"structuredContent\""));
        Event mailResult = sink.only(e -> e.kind() == EventKind.TOOL_RESULT && "send_email".equals(e.toolName()));
        assertEquals("error", mailResult.status());
        assertEquals("mcp:mail:2", mailResult.toolCallId());
        Event mailCall = sink.only(e -> e.kind() == EventKind.TOOL_CALL && "send_email".equals(e.toolName()));
        assertEquals(mailResult.toolCallId(), mailCall.toolCallId());

        List<Event> listings = sink.where(e -> e.kind() == EventKind.TOOL_LISTING && "search_notes".equals(e.toolName()));
        assertEquals(2, listings.size());
        JsonNode before = Json.MAPPER.readTree(listings.get(0).payloadJson());
        JsonNode after = Json.MAPPER.readTree(listings.get(1).payloadJson());
        assertEquals(Hashes.sha256("Search the user's notes by keyword."), before.get("descriptionSha256").asText());
        assertNotEquals(before.get("descriptionSha256"), after.get("descriptionSha256"), "a changed description changes the hash");
        assertEquals(Trust.TOOL_DESCRIPTION, listings.get(1).trust());
        assertEquals("query", after.path("inputSchema").path("required").get(0).asText());

        Event doc = sink.only(e -> e.kind() == EventKind.RETRIEVAL);
        assertEquals(Trust.RETRIEVED_DOCUMENT, doc.trust());
        assertTrue(doc.text().contains("Ignore previous instructions"));
        assertTrue(doc.payloadJson().contains("\"query\":\"notes://n-17\""), doc.payloadJson());

        Event error = sink.only(e -> e.kind() == EventKind.ERROR);
        assertEquals("Unknown note id: missing", error.text());
        assertEquals("read_note", error.toolName());

        assertEquals("notes-mcp 0.4.1", sink.only(e -> e.kind() == EventKind.SESSION).text());
        assertEquals("user: Summarise the notes in a short style.", sink.only(e -> e.name() != null && e.name().startsWith("prompts/get summarise")).text());
    }

    @Test
    void bareLinesBatchesAndGarbage() throws Exception {
        CollectingSink sink = ImportFixture.importFile(importer, BARE);
        assertEquals(6, sink.records());
        assertEquals(1, sink.quarantined());
        assertEquals("line:6", sink.quarantined.get(0).locator());
        List<Event> results = sink.ofKind(EventKind.TOOL_RESULT);
        assertEquals(List.of("get_weather", "get_time"), results.stream().map(Event::toolName).toList());
        assertEquals("18°C, light rain", results.get(0).text());
        assertEquals("line:4#batch0", sink.only(e -> e.kind() == EventKind.TOOL_CALL && "get_time".equals(e.toolName())).locator());
        assertTrue(sink.orderedWarnings().containsKey("TIME_INFERRED"));
    }
}
