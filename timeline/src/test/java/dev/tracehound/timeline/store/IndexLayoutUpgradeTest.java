package dev.tracehound.timeline.store;

import static dev.tracehound.timeline.store.TestCases.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import dev.tracehound.timeline.search.SearchFields;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search index written by an older build is rebuilt from the database, so its lookups work as this build's do. */
class IndexLayoutUpgradeTest {
    @TempDir Path tmp;

    /**
     * Layout 3 indexed dedup keys whole; this build looks them up by their hash. Left as it was, the index would miss
     * every stored key and a second file recording the same span would add it again.
     */
    @Test
    void dedupKeysIndexedWholeByLayoutThreeAreFoundAfterTheRebuild() throws Exception {
        Path dir = tmp.resolve("case");
        String key = "span:4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:call";
        Event original;
        EvidenceRecord first;
        try (Case c = Cases.create(dir, "layout 3")) {
            first = TestCases.evidence(c, tmp, "a.jsonl", "{\"a\":1}\n");
            original = Event.builder(first.sha256(), "line:1").sessionId("s").startNanos(T0).kind(EventKind.MODEL_CALL)
                    .dedupKey(key).text("the call").build();
            TestCases.ingestAll(c, first, List.of(original));
        }
        rewriteAsLayoutThree(new CaseFolder(dir), original.eventId(), key);

        try (Case c = Cases.open(dir)) {
            EvidenceRecord second = TestCases.evidence(c, tmp, "b.jsonl", "{\"b\":1}\n");
            IngestStats stats = TestCases.ingestAll(c, second, List.of(Event.builder(second.sha256(), "/spans/0")
                    .sessionId("s").startNanos(T0).kind(EventKind.MODEL_CALL).dedupKey(key).text("the call").build()));
            assertEquals(0, stats.added(), "the span was recognised as the stored one");
            assertEquals(1, stats.duplicates());
            assertEquals(1, c.events().count());
            assertEquals(List.of(first.sha256(), second.sha256()), c.events().evidenceOf(original.eventId()));
        }
    }

    /** The index as layout 3 wrote it: the dedup key as its own term, and the layout recorded as 3. */
    private static void rewriteAsLayoutThree(CaseFolder folder, String eventId, String dedupKey) throws Exception {
        try (FSDirectory index = FSDirectory.open(folder.index());
             IndexWriter w = new IndexWriter(index, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            Map<String, String> data = new HashMap<>();
            w.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
            assertEquals("4", data.put("tracehound.indexLayout", "3"), "this build writes layout 4");
            w.deleteAll();
            Document d = new Document();
            d.add(new StringField(SearchFields.ID, eventId.toLowerCase(java.util.Locale.ROOT), Field.Store.NO));
            d.add(new StringField(SearchFields.DEDUP, dedupKey, Field.Store.NO));
            d.add(new NumericDocValuesField(SearchFields.SEQ, 1));
            w.addDocument(d);
            w.setLiveCommitData(data.entrySet());
            w.commit();
        }
    }
}
