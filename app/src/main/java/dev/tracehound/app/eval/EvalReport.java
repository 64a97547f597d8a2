package dev.tracehound.app.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one evaluation: per question (injection attempt, compromise) over all sessions and per
 * scenario, per detector, and the high/critical false-positive rate on benign baselines.
 */
public record EvalReport(
        int sessions,
        int unlabelledSessions,
        List<Row> sessionLevel,
        List<Row> detectors,
        int benignBaselineSessions,
        int benignBaselineHighOrCritical,
        Map<String, Map<String, Integer>> firedByScenario,
        Map<String, Integer> sessionsByScenario,
        List<String> files) {

    public EvalReport {
        // sorted, so tables and JSON list scenarios and detectors in a stable order
        firedByScenario = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(firedByScenario));
        sessionsByScenario = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(sessionsByScenario));
        files = List.copyOf(files);
    }

    /** One line of the table: what is measured, over which sessions, and the confusion counts. */
    public record Row(String name, String question, String scope, Confusion c) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("question", question);
            m.put("scope", scope);
            m.put("tp", c.tp());
            m.put("fp", c.fp());
            m.put("fn", c.fn());
            m.put("tn", c.tn());
            m.put("precision", finite(c.precision()));
            m.put("recall", finite(c.recall()));
            m.put("f1", finite(c.f1()));
            return m;
        }
    }

    public double benignHighRate() {
        return benignBaselineSessions == 0 ? Double.NaN : benignBaselineHighOrCritical / (double) benignBaselineSessions;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessions", sessions);
        m.put("unlabelled_sessions", unlabelledSessions);
        m.put("files", files);
        m.put("session_level", sessionLevel.stream().map(Row::toMap).toList());
        m.put("detectors", detectors.stream().map(Row::toMap).toList());
        m.put("sessions_by_scenario", sessionsByScenario);
        m.put("detector_sessions_by_scenario", firedByScenario);
        Map<String, Object> fp = new LinkedHashMap<>();
        fp.put("sessions", benignBaselineSessions);
        fp.put("sessions_with_high_or_critical", benignBaselineHighOrCritical);
        fp.put("rate", finite(benignHighRate()));
        m.put("benign_baseline", fp);
        return m;
    }

    private static Double finite(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 10_000) / 10_000.0;
    }
}
