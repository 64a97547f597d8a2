package dev.tracehound.timeline.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.timeline.context.Payloads;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.Severity;
import dev.tracehound.timeline.provenance.EventContent;
import dev.tracehound.timeline.provenance.InstructionScan;
import dev.tracehound.timeline.provenance.InstructionScanner;
import dev.tracehound.timeline.session.SessionTimeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MCP tool poisoning: a tool description (TOOL_LISTING) that carries instructions for the model or hidden
 * text, and rug pulls: the same tool's description hash changing between listings, in this session or
 * against what the case saw first (also named as a supply chain compromise of the tool).
 */
public final class ToolPoisoningDetector implements Detector {

    @Override public String id() { return "tool-poisoning"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public List<String> atlas() { return List.of(Atlas.AGENT_TOOL_POISONING, Atlas.POISONED_AGENT_TOOL, Atlas.AGENT_TOOL_SUPPLY_CHAIN, Atlas.PROMPT_INJECTION_INDIRECT); }
    @Override public List<String> owasp() { return List.of("LLM03", "LLM01"); }
    @Override public String description() { return "Instructions or hidden text in MCP tool descriptions, and descriptions that change between listings (rug pull)."; }

    @Override
    public List<Finding> detect(SessionTimeline session, DetectionContext context) {
        List<Finding> out = new ArrayList<>();
        Map<String, Event> firstListing = new LinkedHashMap<>();
        for (Event e : session.events()) {
            if (e.kind() != EventKind.TOOL_LISTING) continue;
            JsonNode p = Payloads.of(e);
            String name = e.toolName() != null ? e.toolName() : p.path("name").asText("?");
            InstructionScan scan = InstructionScanner.scan(EventContent.of(e));
            if (scan.isInstruction() || !scan.hiddenCarriers().isEmpty()) {
                List<String> atlas = new ArrayList<>(List.of(Atlas.AGENT_TOOL_POISONING, Atlas.PROMPT_INJECTION_INDIRECT));
                if (!scan.hiddenCarriers().isEmpty()) atlas.add(Atlas.PROMPT_OBFUSCATION);
                out.add(Findings.of(this, Severity.HIGH, atlas, session.sessionId(), List.of(e.eventId()),
                        "The description of tool " + name + " speaks to the model: " + scan.summary(), e.eventId(), null, context));
            }
            String sha = p.path("descriptionSha256").asText(null);
            if (sha == null) continue;
            Event earlier = firstListing.get(name);
            String earlierSha = earlier == null ? null : Payloads.of(earlier).path("descriptionSha256").asText(null);
            if (earlier == null) {
                firstListing.put(name, e);
                Map<String, String> descriptions = context.baseline().descriptionsOf(name); // earliest first
                String caseFirst = descriptions.keySet().stream().findFirst().orElse(null);
                if (caseFirst != null && !caseFirst.equals(sha)) out.add(rugPull(session, name, descriptions.get(caseFirst), e, context));
            } else if (!sha.equals(earlierSha)) {
                out.add(rugPull(session, name, earlier.eventId(), e, context));
                firstListing.put(name, e);
            }
        }
        return out;
    }

    /**
     * A tool whose description changed after the agent first saw it: whoever serves the tool changed it under an
     * agent that had accepted it (AI supply chain compromise of an agent tool, AML.T0010.005). A description that is
     * poisoned from its first listing is a malicious tool, not a compromised supply; it gets no T0010.005.
     */
    private Finding rugPull(SessionTimeline session, String tool, String earlierEventId, Event later, DetectionContext ctx) {
        return Findings.of(this, Severity.HIGH, List.of(Atlas.AGENT_TOOL_POISONING, Atlas.POISONED_AGENT_TOOL, Atlas.AGENT_TOOL_SUPPLY_CHAIN), session.sessionId(),
                List.of(earlierEventId, later.eventId()),
                "The description of tool " + tool + " changed after it was first listed (rug pull): compare the two listings.",
                earlierEventId, later.eventId(), ctx);
    }
}
