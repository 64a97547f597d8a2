package dev.tracehound.importers.generic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.importers.CollectingSink;
import dev.tracehound.importers.FileHeads;
import dev.tracehound.importers.ImportFixture;
import dev.tracehound.importers.Importer;
import dev.tracehound.importers.Importers;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventFlag;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenericImporterTest {
    @TempDir Path dir;

    @Test
    void timesketchJsonlKeepsExtraFields() throws Exception {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, """
                {"message":"User asked for the wire transfer","datetime":"2025-03-01T10:00:00Z","timestamp_desc":"Chat","kind":"USER_MESSAGE","session_id":"c-1","ip":"10.0.0.7"}
                {"message":"tool send_money","timestamp":1740823205000000,"timestamp_desc":"Tool","kind":"tool_call","tool_name":"send_money","session_id":"c-1"}
                {"datetime":"2025-03-01T10:00:09Z","timestamp_desc":"no message here"}
                {"message":"odd kind","datetime":"2025-03-01T10:00:10Z","kind":"banana"}
                """);
        assertEquals("generic", Importers.detect(FileHeads.read(file)).format());
        CollectingSink sink = ImportFixture.importFile(new GenericImporter(), file);
        assertEquals(4, sink.records());
        assertEquals(1, sink.quarantined());
        assertEquals("line:3", sink.quarantined.get(0).locator());
        Event first = sink.events.get(0);
        assertEquals(EventKind.USER_MESSAGE, first.kind());
        assertEquals(Trust.USER, first.trust());
        assertEquals("c-1", first.sessionId());
        assertEquals("Chat", first.name());
        assertEquals(Instant.parse("2025-03-01T10:00:00Z").getEpochSecond() * 1_000_000_000L, first.startNanos());
        assertTrue(first.payloadJson().contains("\"ip\":\"10.0.0.7\""));
        Event second = sink.events.get(1);
        assertEquals(EventKind.TOOL_CALL, second.kind());
        assertEquals("send_money", second.toolName());
        assertEquals(1740823205000000L * 1000, second.startNanos(), "microsecond timestamps by magnitude");
        assertEquals(EventKind.NOTE, sink.events.get(2).kind());
        assertEquals(1, sink.orderedWarnings().get("UNKNOWN_KIND").count());
    }

    @Test
    void csvWithQuotedNewlinesAndMissingTimes() throws Exception {
        Path file = dir.resolve("events.csv");
        Files.writeString(file, "message,datetime,timestamp_desc,user\n"
                + "\"hello, world\",2025-03-01T10:00:00Z,Chat,alice\n"
                + "\"multi\nline \"\"quoted\"\"\",,Chat,bob\n");
        assertEquals("generic", Importers.detect(FileHeads.read(file)).format());
        CollectingSink sink = ImportFixture.importFile(new GenericImporter(), file);
        assertEquals(2, sink.records());
        assertEquals(List.of("hello, world", "multi\nline \"quoted\""), sink.events.stream().map(Event::text).toList());
        assertEquals("line:3", sink.events.get(1).locator());
        assertTrue(sink.events.get(1).has(EventFlag.TIME_INFERRED));
        assertTrue(sink.events.get(1).payloadJson().contains("\"user\":\"bob\""));
    }

    @Test
    void mappingFileNamesOtherFields() throws Exception {
        Path mapping = dir.resolve("mapping.json");
        Files.writeString(mapping, """
                {"text":"body","time":"meta.at","kind":"type","actor":"who","session":"conv","tool":"fn","model":"llm"}
                """);
        Path file = dir.resolve("app.jsonl");
        Files.writeString(file, """
                {"body":"call lookup","meta":{"at":"2025-04-01T08:00:00Z"},"type":"TOOL_CALL","who":"agent-7","conv":"X","fn":"lookup","llm":"gpt-4o"}
                {"body":"no time","meta":{"at":"yesterday"},"type":"NOTE"}
                """);
        Importer importer = new GenericImporter().configure(Map.of("mapping", mapping.toString()));
        CollectingSink sink = ImportFixture.importFile(importer, file);
        Event e = sink.only(x -> true);
        assertEquals("call lookup", e.text());
        assertEquals("agent-7", e.actor());
        assertEquals("X", e.sessionId());
        assertEquals("lookup", e.toolName());
        assertEquals("gpt-4o", e.model());
        assertEquals(Instant.parse("2025-04-01T08:00:00Z").getEpochSecond() * 1_000_000_000L, e.startNanos());
        assertTrue(sink.quarantined.get(0).reason().contains("meta.at"), sink.reasons());

        Files.writeString(mapping, "{\"txt\":\"body\"}");
        var error = assertThrows(IllegalArgumentException.class, () -> new GenericImporter().configure(Map.of("mapping", mapping.toString())));
        assertTrue(error.getMessage().contains("unknown key 'txt'"), error.getMessage());
    }
}
