package dev.tracehound.app.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.timeline.store.Case;
import java.time.Instant;
import java.util.Optional;

/** The investigator's executive summary, kept in the case (collection {@code report}, id {@code summary}). */
public final class ReportSummary {
    public static final String COLLECTION = "report";
    public static final String ID = "summary";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportSummary() {}

    public static Optional<String> get(Case c) {
        return c.documents().get(COLLECTION, ID).map(json -> {
            try {
                JsonNode n = JSON.readTree(json);
                return n.isTextual() ? n.asText() : n.path("text").asText("");
            } catch (JsonProcessingException e) {
                return json; // written by someone else as plain text: show it rather than lose it
            }
        });
    }

    /** Stores the summary and audits the change (the audit holds its length, not the text). */
    public static void set(Case c, String text, String actor) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("text", text == null ? "" : text);
        doc.put("updatedBy", actor);
        doc.put("updatedAt", Instant.now().toString());
        c.documents().put(COLLECTION, ID, doc.toString());
        ObjectNode d = JSON.createObjectNode();
        d.put("document", COLLECTION + "/" + ID);
        d.put("chars", text == null ? 0 : text.length());
        c.audit().append(actor, "report-summary", d.toString());
    }
}
