package dev.tracehound.timeline.detect;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.Severity;
import dev.tracehound.timeline.provenance.EventContent;
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
 * Instructions that appear only in quotations the text reports (a security article quoting a payload) are rated LOW,
 * unless a later tool call follows them (the tool they name, or a destination or value taken from them).
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
            List<String> ids = new ArrayList<>(same.stream().map(Event::eventId).toList());
            String quoted = "";
            if (scan.reportedOnly()) {
                Event acted = ToolAbuseDetector.callFollowing(prov, same);
                if (acted == null) {
                    severity = Severity.LOW;
                    quoted = " The instructions appear only quoted, in a text that reports them as an article explaining an attack does,"
                            + " and no later tool call follows them: rated LOW.";
                } else {
                    ids.add(acted.eventId());
                    quoted = " The instructions appear quoted, in a text that reports them, but the agent acted on them afterwards: "
                            + Findings.quote(EventContent.of(acted), 120) + ".";
                }
            }
            out.add(Findings.of(this, severity, atlas, Findings.sessionOf(e, session), ids,
                    "Untrusted " + Findings.origin(e) + " speaks to the model (score " + scan.score() + ")"
                            + (same.size() > 1 ? ", seen in " + same.size() + " events" : "") + ": " + scan.summary() + quoted,
                    e.eventId(), null, context));
        }
        return out;
    }
}
