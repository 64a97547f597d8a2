package dev.tracehound.app.cli;

import dev.tracehound.timeline.findings.Finding;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of a finding for the CLI (snake_case keys, like the other commands). */
final class FindingsView {
    private FindingsView() {}

    static Map<String, Object> toMap(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("detector", f.detector());
        m.put("severity", f.severity().name());
        m.put("atlas", f.atlas());
        m.put("owasp", f.owasp());
        m.put("session", f.sessionId());
        m.put("events", f.eventIds());
        m.put("source_event", f.sourceEventId());
        m.put("sink_event", f.sinkEventId());
        m.put("explanation", f.explanation());
        m.put("status", f.status().name());
        m.put("created", f.created() == null ? null : f.created().toString());
        return m;
    }
}
