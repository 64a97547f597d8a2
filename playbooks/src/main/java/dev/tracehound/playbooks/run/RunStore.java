package dev.tracehound.playbooks.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tracehound.playbooks.format.Yaml;
import dev.tracehound.timeline.store.CaseDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Playbook runs as JSON documents in the case, collection {@code playbook-runs}. */
final class RunStore {
    static final String COLLECTION = "playbook-runs";

    private final CaseDocuments documents;

    RunStore(CaseDocuments documents) {
        this.documents = documents;
    }

    void put(PlaybookRun run) {
        try {
            documents.put(COLLECTION, run.id(), Yaml.JSON.writeValueAsString(run));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise playbook run " + run.id(), e);
        }
    }

    Optional<PlaybookRun> get(String id) {
        return documents.get(COLLECTION, id).map(json -> parse(id, json));
    }

    List<PlaybookRun> list() {
        List<PlaybookRun> runs = new ArrayList<>();
        for (CaseDocuments.Document d : documents.list(COLLECTION)) runs.add(parse(d.id(), d.json()));
        return runs;
    }

    private static PlaybookRun parse(String id, String json) {
        try {
            return Yaml.JSON.readValue(json, PlaybookRun.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored playbook run '" + id + "' is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
