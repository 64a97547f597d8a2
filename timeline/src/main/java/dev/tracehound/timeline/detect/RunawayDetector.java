package dev.tracehound.timeline.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.timeline.context.Payloads;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventFlag;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.Severity;
import dev.tracehound.timeline.session.SessionTimeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runaway agents and unbounded consumption: the same tool call (name and normalised arguments) repeated
 * many times, a session whose tokens or cost dwarf the case's median session, and very long sessions.
 */
public final class RunawayDetector implements Detector {
    static final int REPEATS = 5;
    static final double SPIKE_FACTOR = 10;
    static final long MIN_SPIKE_TOKENS = 50_000;
    static final int LONG_SESSION_EVENTS = 1_000;
    static final long LONG_SESSION_NANOS = 6L * 3600 * 1_000_000_000L;

    @Override public String id() { return "runaway-consumption"; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public List<String> atlas() { return List.of(Atlas.AGENTIC_RESOURCE_CONSUMPTION, Atlas.COST_HARVESTING, Atlas.DENIAL_OF_SERVICE); }
    @Override public List<String> owasp() { return List.of("LLM10"); }
    @Override public String description() { return "Repeated identical tool calls, token or cost spikes against the case median, very long sessions."; }

    @Override
    public List<Finding> detect(SessionTimeline session, DetectionContext context) {
        List<Finding> out = new ArrayList<>();
        Map<String, List<Event>> same = new LinkedHashMap<>();
        long tokens = 0;
        double cost = 0;
        for (Event e : session.events()) {
            if (e.kind() == EventKind.TOOL_CALL) same.computeIfAbsent(signature(e), k -> new ArrayList<>()).add(e);
            tokens += (e.inputTokens() == null ? 0 : e.inputTokens()) + (e.outputTokens() == null ? 0 : e.outputTokens());
            cost += e.costUsd() == null ? 0 : e.costUsd();
        }
        for (Map.Entry<String, List<Event>> s : same.entrySet()) {
            List<Event> calls = s.getValue();
            if (calls.size() < REPEATS) continue;
            out.add(Findings.of(this, calls.size() >= 2 * REPEATS ? Severity.HIGH : Severity.MEDIUM, List.of(Atlas.AGENTIC_RESOURCE_CONSUMPTION),
                    session.sessionId(), calls.stream().map(Event::eventId).toList(),
                    "The same call " + Findings.quote(s.getKey(), 120) + " was made " + calls.size() + " times: the agent is looping.",
                    null, calls.get(calls.size() - 1).eventId(), context));
        }
        CaseBaseline b = context.baseline();
        double medianTokens = b.medianTokensPerSession();
        if (tokens >= MIN_SPIKE_TOKENS && medianTokens > 0 && tokens >= SPIKE_FACTOR * medianTokens) {
            out.add(Findings.of(this, Severity.MEDIUM, List.of(Atlas.COST_HARVESTING, Atlas.AGENTIC_RESOURCE_CONSUMPTION), session.sessionId(),
                    usageEvents(session), String.format(Locale.ROOT, "The session used %,d tokens, %.0f× the case's median session (%,.0f).",
                            tokens, tokens / medianTokens, medianTokens), null, null, context));
        }
        double medianCost = b.medianCostPerSession();
        if (medianCost > 0 && cost >= SPIKE_FACTOR * medianCost && cost >= 1.0) {
            out.add(Findings.of(this, Severity.MEDIUM, List.of(Atlas.COST_HARVESTING), session.sessionId(), usageEvents(session),
                    String.format(Locale.ROOT, "The session cost $%.2f, %.0f× the case's median session ($%.2f).", cost, cost / medianCost, medianCost),
                    null, null, context));
        }
        // the session's activity: a score or feedback recorded weeks later does not make it long
        List<Event> ev = session.events().stream().filter(e -> !e.has(EventFlag.RECORDED_LATER)).toList();
        if (!ev.isEmpty()) {
            long span = ev.stream().mapToLong(Event::endNanos).max().getAsLong() - ev.stream().mapToLong(Event::startNanos).min().getAsLong();
            if (ev.size() >= LONG_SESSION_EVENTS || span >= LONG_SESSION_NANOS) {
                out.add(Findings.of(this, Severity.LOW, List.of(Atlas.AGENTIC_RESOURCE_CONSUMPTION), session.sessionId(),
                        List.of(ev.get(0).eventId(), ev.get(ev.size() - 1).eventId()),
                        String.format(Locale.ROOT, "A very long session: %,d events over %.1f hours.", ev.size(), span / 3.6e12),
                        null, null, context));
            }
        }
        return out;
    }

    /** Tool name plus arguments with keys sorted and whitespace dropped, so formatting differences do not hide a loop. */
    static String signature(Event call) {
        String args = Payloads.toolArguments(call);
        try {
            JsonNode n = Payloads.of(call).path("arguments");
            if (n.isObject()) args = sorted(n).toString();
        } catch (RuntimeException ignored) {
            // keep the raw text
        }
        return call.toolName() + "(" + args.replaceAll("\\s+", "") + ")";
    }

    private static Object sorted(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> m = new TreeMap<>();
            n.fields().forEachRemaining(f -> m.put(f.getKey(), sorted(f.getValue())));
            return m;
        }
        return n;
    }

    private static List<String> usageEvents(SessionTimeline s) {
        return s.events().stream().filter(e -> e.inputTokens() != null || e.outputTokens() != null || e.costUsd() != null)
                .map(Event::eventId).limit(50).toList();
    }
}
