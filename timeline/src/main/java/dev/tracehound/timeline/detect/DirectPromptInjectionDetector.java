package dev.tracehound.timeline.detect;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventFlag;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.Severity;
import dev.tracehound.timeline.provenance.ArtefactExtractor;
import dev.tracehound.timeline.provenance.InstructionScan;
import dev.tracehound.timeline.provenance.InstructionScanner;
import dev.tracehound.timeline.provenance.SessionProvenance;
import dev.tracehound.timeline.session.SessionTimeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Prompt injection and jailbreak attempts typed into the user turn: overriding the system's instructions,
 * replacing the model's role (DAN, developer mode), forging chat-template markers, hiding or encoding the
 * request, coercing a particular tool, asking for the system prompt (whether it then leaked is
 * {@link SystemPromptLeakDetector}'s question). When the model then calls the tool the injection named,
 * the finding records that call as its sink.
 */
public final class DirectPromptInjectionDetector implements Detector {
    private static final Set<String> JAILBREAK_RULES = Set.of("role-override", "role-marker", "secrecy", "rule-evasion");

    @Override public String id() { return "direct-prompt-injection"; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public List<String> atlas() { return List.of(Atlas.PROMPT_INJECTION_DIRECT, Atlas.JAILBREAK, Atlas.PROMPT_OBFUSCATION, Atlas.EXTRACT_SYSTEM_PROMPT); }
    @Override public List<String> owasp() { return List.of("LLM01"); }
    @Override public String description() { return "Injection and jailbreak patterns in user input: instruction overrides, role override, forged roles, encoded payloads, requests for the system prompt."; }

    @Override
    public List<Finding> detect(SessionTimeline session, DetectionContext context) {
        SessionProvenance prov = context.provenance(session);
        List<Finding> out = new ArrayList<>();
        List<Event> events = prov.events();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (!typedByUser(e)) continue;
            InstructionScan scan = InstructionScanner.scanUserInput(e.text());
            if (!scan.isInstruction()) continue;
            List<String> atlas = new ArrayList<>(List.of(Atlas.PROMPT_INJECTION_DIRECT));
            boolean jailbreak = scan.hits().stream().anyMatch(h -> JAILBREAK_RULES.contains(h.rule().id()));
            if (jailbreak) atlas.add(Atlas.JAILBREAK);
            if (scan.asksForSystemPrompt()) atlas.add(Atlas.EXTRACT_SYSTEM_PROMPT);
            if (!scan.hiddenCarriers().isEmpty()) atlas.add(Atlas.PROMPT_OBFUSCATION);
            Event followed = followedToolCall(e, i, events, prov);
            Severity severity = followed != null || jailbreak && scan.score() >= 5 || !scan.hiddenCarriers().isEmpty()
                    ? Severity.HIGH : Severity.MEDIUM;
            String explanation = "User input carries injection patterns (score " + scan.score() + "): " + scan.summary()
                    + (followed != null ? ". The model then called " + followed.toolName() + ", the tool the injected text demanded." : "");
            List<String> ids = followed == null ? List.of(e.eventId()) : List.of(e.eventId(), followed.eventId());
            out.add(Findings.of(this, severity, atlas, Findings.sessionOf(e, session), ids, explanation, e.eventId(),
                    followed == null ? null : followed.eventId(), context));
        }
        return out;
    }

    /** A user turn the user typed: not a line the harness injected into the user role. */
    static boolean typedByUser(Event e) {
        return e.kind() == EventKind.USER_MESSAGE && e.trust() == Trust.USER && !e.has(EventFlag.HARNESS_INJECTED);
    }

    /** The first later call of a tool that the injected user text names together with a tool-steering directive. */
    private static Event followedToolCall(Event message, int index, List<Event> events, SessionProvenance prov) {
        for (int j = index + 1; j < events.size(); j++) {
            Event c = events.get(j);
            if (c.kind() == EventKind.TOOL_CALL && c.toolName() != null && c.toolName().length() >= 3
                    && ArtefactExtractor.mentions(message.text(), c.toolName())) {
                return c;
            }
        }
        return null;
    }
}
