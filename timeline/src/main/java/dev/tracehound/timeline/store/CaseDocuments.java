package dev.tracehound.timeline.store;

import java.util.List;
import java.util.Optional;

/**
 * Small JSON documents that features keep per case (replay runs, playbook runs, saved searches, the
 * report summary), grouped in collections. The case core need not know their types, so modules
 * depending on {@code timeline} store their state without changing its schema. Callers audit their writes.
 */
public interface CaseDocuments {

    void put(String collection, String id, String json);

    Optional<String> get(String collection, String id);

    /** Ids and JSON of a collection in insertion order. */
    List<Document> list(String collection);

    record Document(String id, String json) {}
}
