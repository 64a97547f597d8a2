package dev.tracehound.timeline.detect;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.Severity;
import dev.tracehound.timeline.provenance.EventContent;
import dev.tracehound.timeline.provenance.InstructionScan;
import dev.tracehound.timeline.provenance.InstructionScanner;
import dev.tracehound.timeline.session.SessionTimeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Directives planted in the conversation history as if the assistant had said them: a recalled "previous
 * workflow" or a forged assistant turn telling the agent what it must do. A model answering a person
 * addresses that person; an assistant turn that instructs the agent itself was written by someone else
 * (poisoned memory or thread).
 */
public final class ContextPoisoningDetector implements Detector {
    private static final Set<String> SELF_DIRECTIVES = Set.of("directive", "override", "role-marker", "tool-coercion", "new-instructions");

    @Override public String id() { return "context-poisoning"; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public List<String> atlas() { return List.of(Atlas.CONTEXT_POISONING_MEMORY, Atlas.CONTEXT_POISONING_THREAD); }
    @Override public List<String> owasp() { return List.of("LLM01", "LLM04"); }
    @Override public String description() { return "Assistant turns or memory recalls in the history that instruct the agent itself (planted memory or thread)."; }

    @Override
    public List<Finding> detect(SessionTimeline session, DetectionContext context) {
        List<Finding> out = new ArrayList<>();
        for (Event e : session.events()) {
            if (e.kind() != EventKind.MODEL_RESPONSE) continue;
            InstructionScan scan = InstructionScanner.scan(EventContent.of(e));
            boolean selfDirected = scan.hits().stream().anyMatch(h -> SELF_DIRECTIVES.contains(h.rule().id()))
                    && scan.has("memory-steer");
            if (!scan.isInstruction() || !selfDirected) continue;
            out.add(Findings.of(this, Severity.MEDIUM, List.of(Atlas.CONTEXT_POISONING_MEMORY, Atlas.CONTEXT_POISONING_THREAD),
                    session.sessionId(), List.of(e.eventId()),
                    "An assistant turn in the history instructs the agent itself, citing a remembered plan: " + scan.summary(),
                    e.eventId(), null, context));
        }
        return out;
    }
}
