package dev.tracehound.timeline.detect;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.Severity;
import dev.tracehound.timeline.provenance.InstructionScan;
import dev.tracehound.timeline.provenance.SessionProvenance;
import dev.tracehound.timeline.session.SessionTimeline;
import java.util.ArrayList;
import java.util.List;

/**
 * Instructions addressed to the model inside content third parties can write (tool output, retrieved
 * documents, web pages, memory), in plain sight or hidden (HTML comments, invisible Unicode, encodings).
 * Content that asks the model for its system prompt also names meta prompt extraction, whether or not it
 * leaked ({@link SystemPromptLeakDetector}'s question). Tool descriptions are left to {@link ToolPoisoningDetector}.
 */
public final class IndirectPromptInjectionDetector implements Detector {

    @Override public String id() { return "indirect-prompt-injection"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public List<String> atlas() { return List.of(Atlas.PROMPT_INJECTION_INDIRECT, Atlas.PROMPT_OBFUSCATION, Atlas.CONTEXT_POISONING_MEMORY, Atlas.EXTRACT_SYSTEM_PROMPT); }
    @Override public List<String> owasp() { return List.of("LLM01"); }
    @Override public String description() { return "Instructions aimed at the model inside tool output, documents, web pages or memory, including hidden text and requests for the system prompt."; }

    @Override
    public List<Finding> detect(SessionTimeline session, DetectionContext context) {
        SessionProvenance prov = context.provenance(session);
        List<Finding> out = new ArrayList<>();
        List<Event> carriers = prov.instructionCarriers().stream().filter(e -> e.kind() != EventKind.TOOL_LISTING).toList();
        for (List<Event> same : SameContent.groupByText(carriers)) {
            Event e = same.get(0);
            InstructionScan scan = prov.scanOf(e.eventId());
            boolean hidden = !scan.hiddenCarriers().isEmpty();
            List<String> atlas = new ArrayList<>(List.of(Atlas.PROMPT_INJECTION_INDIRECT));
            if (hidden) atlas.add(Atlas.PROMPT_OBFUSCATION);
            if (same.stream().anyMatch(x -> x.trust() == Trust.MEMORY)) atlas.add(Atlas.CONTEXT_POISONING_MEMORY);
            if (scan.asksForSystemPrompt()) atlas.add(Atlas.EXTRACT_SYSTEM_PROMPT);
            Severity severity = hidden || scan.score() >= 5 ? Severity.HIGH : Severity.MEDIUM;
            out.add(Findings.of(this, severity, atlas, Findings.sessionOf(e, session), same.stream().map(Event::eventId).toList(),
                    "Untrusted " + Findings.origin(e) + " speaks to the model (score " + scan.score() + ")"
                            + (same.size() > 1 ? ", seen in " + same.size() + " events" : "") + ": " + scan.summary(),
                    e.eventId(), null, context));
        }
        return out;
    }
}
