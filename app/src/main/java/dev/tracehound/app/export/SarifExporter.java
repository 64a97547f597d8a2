package dev.tracehound.app.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.app.AppVersion;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.Severity;
import dev.tracehound.timeline.store.Case;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Findings as SARIF 2.1.0: one rule per detector (ATLAS and OWASP ids in its properties), one result per finding
 * with a location per evidence event: the evidence file (by SHA-256, as stored in the case) and the record's
 * locator, as a line region for JSONL sources and as a logical location otherwise.
 */
public final class SarifExporter implements FindingsExporter {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final int MAX_LOCATIONS = 25;
    private static final Pattern LINE = Pattern.compile("^line:(\\d+)");

    @Override
    public long write(Case c, OutputStream out) throws IOException {
        List<Finding> findings = c.findings().list();
        Map<String, EvidenceRecord> evidence = new LinkedHashMap<>();
        for (EvidenceRecord r : c.evidence().list()) evidence.put(r.sha256(), r);

        ObjectNode root = CaseOutputs.JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Tracehound");
        driver.put("version", AppVersion.get());
        driver.put("semanticVersion", AppVersion.get());
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (ruleIndex.containsKey(f.detector())) continue;
            ruleIndex.put(f.detector(), ruleIndex.size());
            ObjectNode rule = rules.addObject();
            rule.put("id", f.detector());
            rule.put("name", f.detector());
            rule.putObject("shortDescription").put("text", "Tracehound detector " + f.detector());
            if (!f.atlas().isEmpty()) rule.put("helpUri", Atlas.techniqueUrl(f.atlas().getFirst()));
            ObjectNode props = rule.putObject("properties");
            f.atlas().forEach(props.withArray("atlas")::add);
            f.owasp().forEach(props.withArray("owasp")::add);
            ArrayNode tags = props.putArray("tags");
            tags.add("security");
            f.atlas().forEach(tags::add);
            f.owasp().forEach(tags::add);
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : findings) results.add(result(c, f, ruleIndex.get(f.detector())));
        ArrayNode artifacts = run.putArray("artifacts");
        for (EvidenceRecord r : evidence.values()) {
            ObjectNode a = artifacts.addObject();
            a.putObject("location").put("uri", artifactUri(r.sha256()));
            a.put("length", r.size());
            a.putObject("hashes").put("sha-256", r.sha256());
            a.putObject("description").put("text", r.originalPath() + " (" + r.format() + ")");
        }
        ObjectNode inv = run.putArray("invocations").addObject();
        inv.put("executionSuccessful", true);
        run.putObject("properties").put("case", c.info().name()).put("caseId", c.info().caseId());
        CaseOutputs.JSON.writerWithDefaultPrettyPrinter().writeValue(nonClosing(out), root);
        return findings.size();
    }

    private ObjectNode result(Case c, Finding f, int index) {
        ObjectNode r = CaseOutputs.JSON.createObjectNode();
        r.put("ruleId", f.detector());
        r.put("ruleIndex", index);
        r.put("level", level(f.severity()));
        r.putObject("message").put("text", f.explanation() == null || f.explanation().isBlank() ? f.detector() : f.explanation());
        ArrayNode locations = r.putArray("locations");
        List<Event> events = c.events().get(f.eventIds().subList(0, Math.min(MAX_LOCATIONS, f.eventIds().size())));
        for (Event e : events) locations.add(location(e));
        r.putObject("partialFingerprints").put("tracehoundFinding/v1", f.id());
        ObjectNode props = r.putObject("properties");
        props.put("findingId", f.id());
        props.put("severity", f.severity().name());
        props.put("status", f.status().name());
        if (f.sessionId() != null) props.put("sessionId", f.sessionId());
        f.atlas().forEach(props.withArray("atlas")::add);
        f.owasp().forEach(props.withArray("owasp")::add);
        f.eventIds().forEach(props.withArray("eventIds")::add);
        if (f.sourceEventId() != null) props.put("sourceEventId", f.sourceEventId());
        if (f.sinkEventId() != null) props.put("sinkEventId", f.sinkEventId());
        if (f.status() == dev.tracehound.timeline.findings.FindingStatus.FALSE_POSITIVE) {
            r.putArray("suppressions").addObject().put("kind", "external").put("justification", "marked false positive by the investigator");
        }
        return r;
    }

    static ObjectNode location(Event e) {
        ObjectNode loc = CaseOutputs.JSON.createObjectNode();
        ObjectNode physical = loc.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", artifactUri(e.evidenceSha256()));
        Matcher m = LINE.matcher(e.locator());
        if (m.find()) physical.putObject("region").put("startLine", Integer.parseInt(m.group(1)));
        ObjectNode logical = loc.putArray("logicalLocations").addObject();
        logical.put("fullyQualifiedName", e.locator());
        logical.put("name", e.eventId());
        logical.put("kind", "element");
        loc.putObject("message").put("text", e.kind().name() + (e.toolName() != null ? " " + e.toolName() : "")
                + (e.sessionId() != null ? " in session " + e.sessionId() : ""));
        return loc;
    }

    static String artifactUri(String sha256) {
        return "evidence/" + sha256;
    }

    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
