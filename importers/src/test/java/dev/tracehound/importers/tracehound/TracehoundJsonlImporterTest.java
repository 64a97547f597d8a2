package dev.tracehound.importers.tracehound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.importers.CollectingSink;
import dev.tracehound.importers.FileHeads;
import dev.tracehound.importers.ImportFixture;
import dev.tracehound.importers.Importers;
import dev.tracehound.importers.claudecode.ClaudeCodeImporter;
import dev.tracehound.importers.read.Json;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventIds;
import dev.tracehound.timeline.event.EventJson;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracehoundJsonlImporterTest {
    @TempDir Path dir;

    @Test
    void exportedEventsComeBackWithEveryContentFieldTheirIdsAndThisFileAsEvidence() throws Exception {
        // events as an export would write them: the Claude Code sample, one EventJson per line, plus a bad line
        CollectingSink original = ImportFixture.importFile(new ClaudeCodeImporter(), ImportFixture.resource("samples/claude-code/daaain_sidechain_integrated.jsonl"));
        Path file = dir.resolve("export.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (Event e : original.events) w.write(Json.write(EventJson.toJson(e)) + "\n");
            w.write("{\"event_id\":\"x\",\"kind\":\"NOT_A_KIND\",\"start_nanos\":0}\n");
        }
        assertEquals("tracehound", Importers.detect(FileHeads.read(file)).format());
        CollectingSink sink = ImportFixture.importFile(new TracehoundJsonlImporter(), file);
        assertEquals(original.events.size() + 1, sink.records());
        assertEquals(1, sink.quarantined());
        assertTrue(sink.quarantined.get(0).reason().contains("unknown event kind 'NOT_A_KIND'"), sink.reasons());

        String sha = ImportFixture.sha256(file);
        for (int i = 0; i < original.events.size(); i++) {
            Event before = original.events.get(i);
            Event after = sink.events.get(i);
            assertEquals("line:" + (i + 1), after.locator());
            assertEquals(sha, after.evidenceSha256());
            assertEquals(before.eventId(), after.eventId(), "the export's id is the event's id");
            assertEquals(before.dedupKey() != null ? before.dedupKey() : "event:" + before.eventId(), after.dedupKey());
            Event sameContent = after.toBuilder().eventId(before.eventId()).dedupKey(before.dedupKey()).build();
            assertEquals(List.of(before.sessionId(), before.kind(), before.text(), before.payloadJson(), before.startNanos(), before.flags()),
                    List.of(sameContent.sessionId(), sameContent.kind(), sameContent.text(), sameContent.payloadJson(), sameContent.startNanos(), sameContent.flags()));
            assertEquals(before.inputTokens(), after.inputTokens());
            assertEquals(before.parentId(), after.parentId());
        }
    }

    @Test
    void aLineWithoutAnIdOfTracehoundsFormGetsOneFromThisFileAndLine() throws Exception {
        Path file = dir.resolve("hand-written.jsonl");
        Files.writeString(file, """
                {"event_id":"e-1","kind":"USER_MESSAGE","start_nanos":1,"text":"hand-written id"}
                {"kind":"NOTE","start_nanos":2,"text":"no id at all"}
                {"event_id":"0123456789ABCDEF0123456789ABCDEF","kind":"NOTE","start_nanos":3,"text":"upper case"}
                {"event_id":"0123456789abcdef0123456789abcdef","kind":"NOTE","start_nanos":4,"dedup_key":"otel:t:s:call"}
                """);
        CollectingSink sink = ImportFixture.importFile(new TracehoundJsonlImporter(), file);
        assertEquals(0, sink.quarantined(), sink.reasons());
        String sha = ImportFixture.sha256(file);
        assertEquals(List.of(EventIds.of(sha, "line:1"), EventIds.of(sha, "line:2"), EventIds.of(sha, "line:3"), "0123456789abcdef0123456789abcdef"),
                sink.events.stream().map(Event::eventId).toList());
        assertEquals(java.util.Arrays.asList("event:e-1", null, "event:0123456789ABCDEF0123456789ABCDEF", "otel:t:s:call"),
                sink.events.stream().map(Event::dedupKey).toList());
    }
}
