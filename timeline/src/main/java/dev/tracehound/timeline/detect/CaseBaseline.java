package dev.tracehound.timeline.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.timeline.context.Payloads;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is normal in this case, gathered in one streaming pass over all events: per-session token and cost
 * totals (for spikes against the median) and which tool descriptions each tool name has had (rug pulls).
 */
public final class CaseBaseline {
    private final Map<String, long[]> tokensBySession = new HashMap<>();
    private final Map<String, double[]> costBySession = new HashMap<>();
    /** Tool name -> description hash -> its earliest listing (by time, then event id: any feeding order agrees). */
    private final Map<String, Map<String, Listing>> descriptionsByTool = new HashMap<>();

    private record Listing(long startNanos, String eventId) implements Comparable<Listing> {
        @Override
        public int compareTo(Listing o) {
            int byTime = Long.compare(startNanos, o.startNanos);
            return byTime != 0 ? byTime : eventId.compareTo(o.eventId);
        }
    }

    public static CaseBaseline empty() {
        return new CaseBaseline();
    }

    /** Feeds one event; call for every event of the case, in any order. */
    public void accept(Event e) {
        if (e.sessionId() == null) return;
        long tokens = (e.inputTokens() == null ? 0 : e.inputTokens()) + (e.outputTokens() == null ? 0 : e.outputTokens());
        if (tokens > 0) tokensBySession.computeIfAbsent(e.sessionId(), k -> new long[1])[0] += tokens;
        if (e.costUsd() != null) costBySession.computeIfAbsent(e.sessionId(), k -> new double[1])[0] += e.costUsd();
        if (e.kind() == EventKind.TOOL_LISTING) {
            JsonNode p = Payloads.of(e);
            String name = e.toolName() != null ? e.toolName() : p.path("name").asText(null);
            String sha = p.path("descriptionSha256").asText(null);
            if (name != null && sha != null) {
                Listing l = new Listing(e.startNanos(), e.eventId());
                descriptionsByTool.computeIfAbsent(name, k -> new HashMap<>()).merge(sha, l, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
    }

    public static CaseBaseline of(Iterable<Event> events) {
        CaseBaseline b = new CaseBaseline();
        for (Event e : events) b.accept(e);
        return b;
    }

    public double medianTokensPerSession() {
        List<Double> v = new ArrayList<>();
        tokensBySession.values().forEach(t -> v.add((double) t[0]));
        return median(v);
    }

    public double medianCostPerSession() {
        List<Double> v = new ArrayList<>();
        costBySession.values().forEach(c -> v.add(c[0]));
        return median(v);
    }

    public int sessionsWithUsage() {
        return tokensBySession.size();
    }

    /** Description hashes a tool has had across the case, earliest first, each with its earliest listing event. */
    public Map<String, String> descriptionsOf(String tool) {
        Map<String, String> ordered = new LinkedHashMap<>();
        descriptionsByTool.getOrDefault(tool, Map.of()).entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .forEach(d -> ordered.put(d.getKey(), d.getValue().eventId()));
        return Collections.unmodifiableMap(ordered);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) return 0;
        Collections.sort(values);
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }
}
