package dev.tracehound.timeline.detect;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.Severity;
import dev.tracehound.timeline.session.SessionNode;
import dev.tracehound.timeline.session.SessionTimeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A model or system-prompt change inside the incident window: within a session, the same agent answering
 * with a different model id, or its system instructions being replaced part-way through.
 */
public final class ConfigurationChangeDetector implements Detector {

    @Override public String id() { return "configuration-change"; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public List<String> atlas() { return List.of(Atlas.MODIFY_AGENT_CONFIGURATION); }
    @Override public List<String> owasp() { return List.of("LLM03", "LLM04"); }
    @Override public String description() { return "The model id or the system prompt of an agent changes between calls of one session."; }

    @Override
    public List<Finding> detect(SessionTimeline session, DetectionContext context) {
        List<Finding> out = new ArrayList<>();
        java.util.Map<String, Event> lastModelOfAgent = new java.util.HashMap<>();
        java.util.Map<String, Event> lastPromptOfAgent = new java.util.HashMap<>();
        java.util.Map<Event, String> enclosingAgent = enclosingAgents(session);
        for (Event e : session.events()) {
            String agent = enclosingAgent.getOrDefault(e, agentOf(e));
            if ((e.kind() == EventKind.MODEL_CALL || e.kind() == EventKind.MODEL_RESPONSE) && e.model() != null) {
                Event prev = lastModelOfAgent.put(agent, e);
                if (prev != null && !sameModel(prev.model(), e.model())) {
                    out.add(Findings.of(this, Severity.MEDIUM, atlas(), session.sessionId(), List.of(prev.eventId(), e.eventId()),
                            "Agent " + agent + " switched model from " + prev.model() + " to " + e.model() + " within the session.",
                            prev.eventId(), e.eventId(), context));
                }
            }
            if (e.kind() == EventKind.SYSTEM_PROMPT && e.text() != null) {
                Event prev = lastPromptOfAgent.put(agent, e);
                if (prev != null && !Objects.equals(prev.text().strip(), e.text().strip()) && replaces(prev, e, session)) {
                    out.add(Findings.of(this, Severity.MEDIUM, atlas(), session.sessionId(), List.of(prev.eventId(), e.eventId()),
                            "The system prompt of agent " + agent + " changed within the session (" + prev.text().length() + " → "
                                    + e.text().length() + " characters).",
                            prev.eventId(), e.eventId(), context));
                }
            }
        }
        return out;
    }

    /** A second system prompt replaces the first only when a model turn happened in between (else it is a continuation). */
    private static boolean replaces(Event prev, Event next, SessionTimeline s) {
        boolean between = false;
        for (Event e : s.events()) {
            if (e == prev) between = true;
            else if (e == next) return false;
            else if (between && (e.kind() == EventKind.MODEL_RESPONSE || e.kind() == EventKind.MODEL_CALL)) return true;
        }
        return false;
    }

    /** Dated snapshots of one model (gpt-4o-2024-08-06 vs gpt-4o) are the same model for this purpose. */
    static boolean sameModel(String a, String b) {
        String x = a.replaceAll("-\\d{4}-?\\d{2}-?\\d{2}$", "").toLowerCase(java.util.Locale.ROOT);
        String y = b.replaceAll("-\\d{4}-?\\d{2}-?\\d{2}$", "").toLowerCase(java.util.Locale.ROOT);
        return x.equals(y);
    }

    /**
     * Events inside an agent's run (an AGENT_STEP naming its agent, as pydantic-ai, OpenAI Agents and CrewAI spans do)
     * belong to that agent: two agents in one session each have their own system prompt and model. Walked without
     * recursion, since a hostile source can nest spans deeply.
     */
    private static java.util.Map<Event, String> enclosingAgents(SessionTimeline session) {
        java.util.Map<Event, String> agents = new java.util.IdentityHashMap<>();
        java.util.Deque<java.util.Map.Entry<SessionNode, String>> todo = new java.util.ArrayDeque<>();
        for (SessionNode root : session.roots()) todo.push(java.util.Map.entry(root, ""));
        while (!todo.isEmpty()) {
            var next = todo.pop();
            Event e = next.getKey().event();
            String agent = next.getValue();
            if (e.kind() == EventKind.AGENT_STEP && !agentOf(e).equals("assistant")) agent = agentOf(e);
            if (!agent.isEmpty()) agents.put(e, agent);
            for (SessionNode child : next.getKey().children()) todo.push(java.util.Map.entry(child, agent));
        }
        return agents;
    }

    private static String agentOf(Event e) {
        String a = e.actor();
        if (a == null || a.equals("assistant") || a.equals("system") || a.equals("user")) return "assistant";
        return a;
    }
}
