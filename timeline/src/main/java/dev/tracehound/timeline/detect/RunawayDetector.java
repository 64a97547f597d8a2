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
import java.util.regex.Pattern;

/**
 * Runaway agents and unbounded consumption: the same tool call (name and normalised arguments) repeated
 * many times, a session whose tokens or cost dwarf the case's median session, and very long sessions.
 * A loop with no user turn between its calls is also excessive agency (LLM06: the agent kept acting on its own);
 * a loop or spike after which the run failed on a limit (iterations, tokens, rate, budget) also denied the agent's
 * service (AML.T0029).
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
    @Override public List<String> owasp() { return List.of("LLM10", "LLM06"); }
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
            List<String> atlas = new ArrayList<>(List.of(Atlas.AGENTIC_RESOURCE_CONSUMPTION));
            List<String> owasp = new ArrayList<>(List.of("LLM10"));
            List<String> ids = new ArrayList<>(calls.stream().map(Event::eventId).toList());
            StringBuilder explanation = new StringBuilder("The same call " + Findings.quote(s.getKey(), 120) + " was made " + calls.size()
                    + " times: the agent is looping.");
            if (!userTurnBetween(session, calls.get(0), calls.get(calls.size() - 1))) {
                owasp.add("LLM06");
                explanation.append(" No user turn came between the calls: the agent kept invoking the tool on its own.");
            }
            Event stopped = limitHit(session, calls.get(0));
            if (stopped != null) {
                atlas.add(Atlas.DENIAL_OF_SERVICE);
                ids.add(stopped.eventId());
                explanation.append(" The run then failed on a limit (").append(Findings.quote(errorText(stopped), 100))
                        .append("): the loop used up what the agent had, and its work was not done.");
            }
            out.add(Findings.of(this, calls.size() >= 2 * REPEATS ? Severity.HIGH : Severity.MEDIUM, atlas, owasp,
                    session.sessionId(), ids, explanation.toString(), null, calls.get(calls.size() - 1).eventId(), context));
        }
        CaseBaseline b = context.baseline();
        double medianTokens = b.medianTokensPerSession();
        if (tokens >= MIN_SPIKE_TOKENS && medianTokens > 0 && tokens >= SPIKE_FACTOR * medianTokens) {
            List<String> atlas = new ArrayList<>(List.of(Atlas.COST_HARVESTING, Atlas.AGENTIC_RESOURCE_CONSUMPTION));
            Event stopped = limitHit(session, null);
            if (stopped != null) atlas.add(Atlas.DENIAL_OF_SERVICE);
            out.add(Findings.of(this, Severity.MEDIUM, atlas, List.of("LLM10"), session.sessionId(),
                    usageEvents(session), String.format(Locale.ROOT, "The session used %,d tokens, %.0f× the case's median session (%,.0f).",
                            tokens, tokens / medianTokens, medianTokens)
                            + (stopped != null ? " It ended failing on a limit (" + Findings.quote(errorText(stopped), 100) + ")." : ""),
                    null, null, context));
        }
        double medianCost = b.medianCostPerSession();
        if (medianCost > 0 && cost >= SPIKE_FACTOR * medianCost && cost >= 1.0) {
            out.add(Findings.of(this, Severity.MEDIUM, List.of(Atlas.COST_HARVESTING), List.of("LLM10"), session.sessionId(), usageEvents(session),
                    String.format(Locale.ROOT, "The session cost $%.2f, %.0f× the case's median session ($%.2f).", cost, cost / medianCost, medianCost),
                    null, null, context));
        }
        // the session's activity: a score or feedback recorded weeks later does not make it long
        List<Event> ev = session.events().stream().filter(e -> !e.has(EventFlag.RECORDED_LATER)).toList();
        if (!ev.isEmpty()) {
            long span = ev.stream().mapToLong(Event::endNanos).max().getAsLong() - ev.stream().mapToLong(Event::startNanos).min().getAsLong();
            if (ev.size() >= LONG_SESSION_EVENTS || span >= LONG_SESSION_NANOS) {
                out.add(Findings.of(this, Severity.LOW, List.of(Atlas.AGENTIC_RESOURCE_CONSUMPTION), List.of("LLM10"), session.sessionId(),
                        List.of(ev.get(0).eventId(), ev.get(ev.size() - 1).eventId()),
                        String.format(Locale.ROOT, "A very long session: %,d events over %.1f hours.", ev.size(), span / 3.6e12),
                        null, null, context));
            }
        }
        return out;
    }

    /** An error that says a limit ran out: iterations, steps, tokens, context, rate, quota, budget, time. */
    private static final Pattern LIMIT = Pattern.compile("max[_ -]?(?:iterations?|steps?|turns?|tokens?|retries|calls)|(?:iteration|recursion|step|turn|call|token|rate|usage)[_ -]?limit"
            + "|context[_ -]?(?:length|window)|quota|budget|too\\s+many\\s+requests|\\b429\\b|timed?[_ ]?out|deadline|exceeded|exhausted", Pattern.CASE_INSENSITIVE);

    /**
     * Whether a user typed a turn between two events of the session (harness-injected lines are not the user): a
     * user who says "check again" each time is driving the repetition, not the agent.
     */
    private static boolean userTurnBetween(SessionTimeline session, Event first, Event last) {
        boolean between = false;
        for (Event e : session.events()) {
            if (e == first) between = true;
            else if (e == last) return false;
            else if (between && e.kind() == EventKind.USER_MESSAGE && e.trust() == dev.tracehound.timeline.event.Trust.USER
                    && !e.has(EventFlag.HARNESS_INJECTED)) return true;
        }
        return false;
    }

    /**
     * The first error of the session (after {@code from}, when given) that says a limit ran out: the agent's run was
     * cut short, so the consumption denied the service it was meant to give (AML.T0029). Null when the run ended
     * normally or failed for another reason (a 503 from a backend is an outage, not the agent's doing).
     */
    private static Event limitHit(SessionTimeline session, Event from) {
        boolean after = from == null;
        for (Event e : session.events()) {
            if (e == from) after = true;
            if (!after || e == from) continue;
            boolean error = e.kind() == EventKind.ERROR || "error".equalsIgnoreCase(e.status());
            if (error && LIMIT.matcher((e.text() == null ? "" : e.text()) + " " + (e.payloadJson() == null ? "" : e.payloadJson())).find()) return e;
        }
        return null;
    }

    private static String errorText(Event e) {
        return e.text() != null && !e.text().isBlank() ? e.text() : e.payloadJson() == null ? "" : e.payloadJson();
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
