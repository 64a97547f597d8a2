package dev.tracehound.app.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.app.AppVersion;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.store.Case;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Findings as a STIX 2.1 bundle for threat-intelligence platforms: an {@code identity} for the case (the author of
 * every object), one {@code attack-pattern} per MITRE ATLAS technique with its external reference, one
 * {@code note} per finding (explanation, severity, status, evidence events) referring to its attack patterns, and
 * a {@code grouping} tying them together. Ids are name-based UUIDs of the case and finding ids, so exporting
 * twice gives the same ids and a platform updates objects instead of duplicating them.
 */
public final class StixExporter implements FindingsExporter {

    @Override
    public long write(Case c, OutputStream out) throws IOException {
        List<Finding> findings = c.findings().list();
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        // STIX versions an object by its id and modified time, and created must never change: objects get times from
        // the case (a finding's creation, its last verdict in the audit log), so a re-export updates, never forks
        Map<String, Instant> lastVerdict = new java.util.HashMap<>();
        for (var a : c.audit().entries()) {
            if (!a.action().equals("finding.status")) continue;
            for (Finding f : findings) if (a.details().contains("\"finding\":\"" + f.id() + "\"")) lastVerdict.put(f.id(), a.time());
        }
        ObjectNode bundle = CaseOutputs.JSON.createObjectNode();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + UUID.randomUUID());
        ArrayNode objects = bundle.putArray("objects");

        String identity = id("identity", c.info().caseId());
        ObjectNode ident = sdo(objects, "identity", identity, c.info().created().truncatedTo(ChronoUnit.MILLIS).toString());
        ident.put("name", "Tracehound case " + c.info().name());
        ident.put("identity_class", "system");
        ident.put("description", "Findings produced with Tracehound " + AppVersion.get() + " in case " + c.info().caseId());

        Map<String, String> patterns = new LinkedHashMap<>();
        for (Finding f : findings) {
            for (String technique : f.atlas()) {
                if (patterns.containsKey(technique)) continue;
                String pid = id("attack-pattern", technique);
                patterns.put(technique, pid);
                ObjectNode ap = sdo(objects, "attack-pattern", pid, stamp(firstCreated(findings, technique), now));
                ap.put("created_by_ref", identity);
                ap.put("name", technique);
                ObjectNode ref = ap.putArray("external_references").addObject();
                ref.put("source_name", "mitre-atlas");
                ref.put("external_id", technique);
                ref.put("url", Atlas.techniqueUrl(technique));
            }
        }
        ArrayNode grouped = CaseOutputs.JSON.createArrayNode();
        for (Finding f : findings) {
            String nid = id("note", c.info().caseId() + "/" + f.id());
            grouped.add(nid);
            ObjectNode note = sdo(objects, "note", nid, stamp(f.created(), now));
            if (lastVerdict.containsKey(f.id())) note.put("modified", stamp(lastVerdict.get(f.id()), now)); // the abstract names the verdict
            note.put("created_by_ref", identity);
            note.put("abstract", f.detector() + " (" + f.severity().name().toLowerCase(java.util.Locale.ROOT) + ", " + f.status().name().toLowerCase(java.util.Locale.ROOT) + ")");
            note.put("content", f.explanation() == null ? f.detector() : f.explanation());
            note.putArray("authors").add("Tracehound detector " + f.detector());
            ArrayNode refs = note.putArray("object_refs");
            for (String t : f.atlas()) refs.add(patterns.get(t));
            if (refs.isEmpty()) refs.add(identity);
            ArrayNode ext = note.putArray("external_references");
            ObjectNode own = ext.addObject();
            own.put("source_name", "tracehound");
            own.put("external_id", f.id());
            own.put("description", "session " + f.sessionId() + "; evidence events " + String.join(", ", f.eventIds()));
            for (String o : f.owasp()) {
                ObjectNode r = ext.addObject();
                r.put("source_name", "owasp-llm-top-10-2025");
                r.put("external_id", o);
                r.put("url", Atlas.owaspUrl(o));
            }
            note.putArray("labels").add(f.detector()).add(f.severity().name().toLowerCase(java.util.Locale.ROOT));
        }
        patterns.values().forEach(grouped::add);
        if (!grouped.isEmpty()) {
            ObjectNode g = sdo(objects, "grouping", id("grouping", c.info().caseId()), stamp(firstCreated(findings, null), now));
            g.put("modified", stamp(latest(findings, lastVerdict), now)); // its members change with each analysis
            g.put("created_by_ref", identity);
            g.put("name", "Findings of case " + c.info().name());
            g.put("context", "suspicious-activity");
            g.set("object_refs", grouped);
        }
        CaseOutputs.JSON.writerWithDefaultPrettyPrinter().writeValue(SarifExporter.nonClosing(out), bundle);
        return findings.size();
    }

    private static String stamp(Instant t, String otherwise) {
        return t == null ? otherwise : t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** The earliest creation among findings (naming {@code technique}, when given). */
    private static Instant firstCreated(List<Finding> findings, String technique) {
        return findings.stream().filter(f -> technique == null || f.atlas().contains(technique)).map(Finding::created)
                .filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(null);
    }

    /** The latest creation or verdict among the findings. */
    private static Instant latest(List<Finding> findings, Map<String, Instant> lastVerdict) {
        Instant t = null;
        for (Finding f : findings) {
            for (Instant x : new Instant[] {f.created(), lastVerdict.get(f.id())}) if (x != null && (t == null || x.isAfter(t))) t = x;
        }
        return t;
    }

    private static ObjectNode sdo(ArrayNode objects, String type, String id, String created) {
        ObjectNode o = objects.addObject();
        o.put("type", type);
        o.put("spec_version", "2.1");
        o.put("id", id);
        o.put("created", created);
        o.put("modified", created);
        return o;
    }

    /** {@code type--uuid}, name-based so the same case and finding always map to the same object. */
    static String id(String type, String name) {
        return type + "--" + UUID.nameUUIDFromBytes((type + ":" + name).getBytes(StandardCharsets.UTF_8));
    }
}
