package dev.tracehound.timeline.search;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventFlag;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/**
 * Turns an event into its index document. Nothing is stored: text is only analysed (H2 holds it), a hit is named by
 * its ingest sequence (doc values, also the paging tie-break), and time is doc values and points for sorting and
 * ranges.
 */
final class EventDocuments {
    private EventDocuments() {}

    /** @param alsoEvidence further evidence files that recorded the same event (so {@code evidence:<sha>} finds it) */
    static Document of(Event e, long ingestSeq, java.util.List<String> alsoEvidence) {
        Document d = new Document();
        d.add(new StringField(SearchFields.ID, normalize(e.eventId()), Field.Store.NO)); // searchable like any keyword
        if (e.text() != null && !e.text().isEmpty()) d.add(new TextField(SearchFields.TEXT, e.text(), Field.Store.NO));
        if (e.name() != null && !e.name().isEmpty()) d.add(new TextField(SearchFields.TEXT, e.name(), Field.Store.NO));
        d.add(new LongPoint(SearchFields.TS, e.startNanos()));
        d.add(new NumericDocValuesField(SearchFields.TS, e.startNanos()));
        d.add(new NumericDocValuesField(SearchFields.SEQ, ingestSeq));
        if (e.dedupKey() != null) d.add(new StringField(SearchFields.DEDUP, DedupTerms.of(e.dedupKey()), Field.Store.NO));
        keyword(d, "kind", e.kind().name());
        keyword(d, "actor", e.actor());
        keyword(d, "tool", e.toolName());
        keyword(d, "model", e.model());
        keyword(d, "provider", e.provider());
        keyword(d, SearchFields.SESSION, e.sessionId());
        keyword(d, "trace", e.traceId());
        keyword(d, "evidence", e.evidenceSha256());
        for (String sha : alsoEvidence) if (!sha.equals(e.evidenceSha256())) keyword(d, "evidence", sha);
        keyword(d, "trust", e.trust().name());
        keyword(d, "status", e.status());
        keyword(d, "span", e.spanId());
        keyword(d, "parent", e.parentId());
        for (EventFlag f : e.flags()) keyword(d, "flag", f.name());
        return d;
    }

    private static void keyword(Document d, String field, String value) {
        if (value == null || value.isEmpty()) return;
        // one UTF-8 copy for the term and the facet value: the same bytes a String value would be indexed as
        BytesRef v = new BytesRef(keywordTerm(value));
        d.add(new StringField(field, v, Field.Store.NO));
        if (SearchFields.FACETED.contains(field)) d.add(new SortedSetDocValuesField(field, v));
    }

    /** The id term a document is replaced by; normalised like the indexed value. */
    static org.apache.lucene.index.Term idTerm(String eventId) {
        return new org.apache.lucene.index.Term(SearchFields.ID, normalize(eventId));
    }

    /** The term a keyword value is indexed and looked up as. */
    static String keywordTerm(String value) {
        String v = normalize(value);
        // Lucene terms are at most 32 KB; such long "keywords" are not worth an exact match anyway.
        return v.length() > 8000 ? v.substring(0, 8000) : v;
    }

    static String normalize(String keyword) {
        return keyword.toLowerCase(Locale.ROOT);
    }
}
