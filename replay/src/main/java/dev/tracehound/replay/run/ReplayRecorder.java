package dev.tracehound.replay.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.replay.Json;
import dev.tracehound.replay.client.Exchange;
import dev.tracehound.timeline.artifacts.ArtifactRecord;
import dev.tracehound.timeline.artifacts.ArtifactStore;
import dev.tracehound.timeline.audit.AuditLog;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.CaseDocuments;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes what a replay produced into the case: request and response bytes of every trial as artefacts, the run
 * summary as a document in {@code replay-runs}, one audit entry per run. Header names that can carry credentials
 * are dropped before anything is stored, even though requests are built without them: the rule must hold
 * however a request was made.
 */
public final class ReplayRecorder {
    public static final String REQUEST_KIND = "replay-request";
    public static final String RESPONSE_KIND = "replay-response";
    public static final String COLLECTION = "replay-runs";
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "x-api-key", "api-key",
            "cookie", "x-goog-api-key", "openai-organization", "openai-project");

    private final ArtifactStore artifacts;
    private final CaseDocuments documents;
    private final AuditLog audit;
    private final String actor;

    public ReplayRecorder(ArtifactStore artifacts, CaseDocuments documents, AuditLog audit, String actor) {
        this.artifacts = artifacts;
        this.documents = documents;
        this.audit = audit;
        this.actor = actor;
    }

    public static ReplayRecorder of(Case c, String actor) {
        return new ReplayRecorder(c.artifacts(), c.documents(), c.audit(), actor);
    }

    public static Map<String, String> safeHeaders(Map<String, String> headers) {
        Map<String, String> out = new TreeMap<>();
        headers.forEach((k, v) -> { if (!SECRET_HEADERS.contains(k.toLowerCase(Locale.ROOT))) out.put(k, v); });
        return out;
    }

    /** Stores one trial's bytes; returns the SHA-256 of request and response (response null when none came). */
    public synchronized String[] storeTrial(String runId, String label, int trial, Exchange e) {
        ObjectNode reqMeta = Json.object().put("runId", runId).put("run", label).put("trial", trial).put("method", "POST").put("url", e.url());
        reqMeta.set("headers", Json.MAPPER.valueToTree(safeHeaders(e.requestHeaders())));
        ArtifactRecord req = artifacts.add(REQUEST_KIND, e.requestBody(), Json.write(reqMeta), actor);
        String resSha = null;
        if (e.status() > 0 || e.responseBody().length > 0) {
            ObjectNode resMeta = Json.object().put("runId", runId).put("run", label).put("trial", trial).put("status", e.status())
                    .put("started", e.started().toString()).put("durationMillis", e.durationMillis()).put("attempts", e.attempts())
                    .put("requestSha256", req.sha256());
            if (e.reply() != null) {
                resMeta.put("modelId", e.reply().modelId());
                resMeta.set("usage", Json.MAPPER.valueToTree(e.reply().usage()));
            }
            if (e.error() != null) resMeta.put("error", e.error());
            resSha = artifacts.add(RESPONSE_KIND, e.responseBody(), Json.write(resMeta), actor).sha256();
        }
        return new String[] {req.sha256(), resSha};
    }

    public synchronized void storeChain(dev.tracehound.replay.chain.ChainReport report) {
        documents.put(COLLECTION, report.runId(), Json.write(report));
        ObjectNode details = Json.object().put("runId", report.runId()).put("type", "chain").put("sessionId", report.sessionId())
                .put("startCallEventId", report.startCallEventId()).put("profile", report.profile()).put("model", report.model())
                .put("steps", report.steps().size()).put("outcome", report.outcome()).put("toolsExecuted", 0);
        audit.append(actor, "replay-chain", Json.write(details));
    }

    public synchronized void storeRun(RunSummary summary, String auditAction) {
        documents.put(COLLECTION, summary.runId(), Json.write(summary));
        ObjectNode details = Json.object().put("runId", summary.runId()).put("type", summary.type())
                .put("callEventId", summary.callEventId()).put("profile", summary.profile()).put("model", summary.requestedModel())
                .put("trials", summary.trials()).put("result", summary.headline()).put("criterion", summary.criterion());
        if (summary.sessionId() != null) details.put("sessionId", summary.sessionId());
        details.set("edits", Json.MAPPER.valueToTree(summary.edits() == null ? List.of() : summary.edits()));
        audit.append(actor, auditAction, Json.write(details));
    }
}
