package dev.tracehound.timeline.detect;

import dev.tracehound.timeline.context.Payloads;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.Severity;
import dev.tracehound.timeline.provenance.ArtefactExtractor;
import dev.tracehound.timeline.provenance.ArtefactType;
import dev.tracehound.timeline.provenance.EventContent;
import dev.tracehound.timeline.provenance.Flow;
import dev.tracehound.timeline.provenance.SessionProvenance;
import dev.tracehound.timeline.session.SessionTimeline;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agent acting for someone other than its principals (excessive agency):
 * <ul>
 *   <li>it calls a tool that injected instructions (untrusted content speaking to the model) demanded by name;
 *       when the demand came from the tool's own output, the tool itself is attacker-controlled;</li>
 *   <li>after injected instructions arrived, it makes an outward-facing or state-changing call (send, pay,
 *       delete, execute, write, fetch to a new host) that no user turn asked for;</li>
 *   <li>a call's arguments carry values (addresses, accounts, commands, URLs) that came from the injected content;</li>
 *   <li>it passes credentials or bulk personal data to a tool whose own description speaks to the model (a poisoned
 *       MCP tool receiving what its description asked for).</li>
 * </ul>
 * Exfiltration via tool invocation (AML.T0086) is named only when an outward call carries such data or goes to a
 * destination the injected text supplied.
 * A session where the user asked for the e-mail, payment or deletion does not fire.
 */
public final class ToolAbuseDetector implements Detector {
    private static final Set<ArtefactType> DESTINATIONS = Set.of(ArtefactType.URL, ArtefactType.DOMAIN, ArtefactType.EMAIL,
            ArtefactType.ACCOUNT_NUMBER, ArtefactType.IBAN);
    private static final Set<ArtefactType> STEERING = Set.of(ArtefactType.URL, ArtefactType.DOMAIN, ArtefactType.EMAIL,
            ArtefactType.ACCOUNT_NUMBER, ArtefactType.IBAN, ArtefactType.CARD_NUMBER, ArtefactType.SHELL_COMMAND,
            ArtefactType.FILE_PATH, ArtefactType.SECRET);

    @Override public String id() { return "tool-abuse"; }
    @Override public Severity severity() { return Severity.CRITICAL; }
    @Override public List<String> atlas() { return List.of(Atlas.AGENT_TOOL_INVOCATION, Atlas.PROMPT_INJECTION_INDIRECT, Atlas.EXFIL_VIA_AGENT_TOOL, Atlas.DATA_DESTRUCTION_VIA_AGENT_TOOL); }
    @Override public List<String> owasp() { return List.of("LLM06", "LLM01"); }
    @Override public String description() { return "Tool calls that follow injected instructions: the tool they named, unrequested outward or state-changing actions, arguments taken from injected content."; }

    @Override
    public List<Finding> detect(SessionTimeline session, DetectionContext context) {
        SessionProvenance prov = context.provenance(session);
        List<Finding> out = new ArrayList<>();
        Set<String> handledCalls = new HashSet<>();
        out.addAll(poisonedToolCalls(session, prov, handledCalls, context));
        List<Event> carriers = prov.instructionCarriers().stream().filter(e -> e.kind() != EventKind.TOOL_LISTING).toList();
        if (carriers.isEmpty()) return out;
        out.addAll(namedToolCalls(session, prov, carriers, handledCalls, context));
        for (Event call : prov.events()) {
            if (call.kind() != EventKind.TOOL_CALL || handledCalls.contains(call.eventId())) continue;
            int at = prov.positionOf(call.eventId());
            if (lastCarrierBefore(carriers, at, prov) == null) continue;
            Finding f = steeredArguments(session, prov, call, at, context);
            // any call may follow text that merely quotes instructions (an article on injection): only a call that
            // matches them (the tool they name, a value taken from them) is theirs
            Event ordering = lastCarrierBefore(carriers.stream().filter(c -> !prov.scanOf(c.eventId()).reportedOnly()).toList(), at, prov);
            if (f == null && ordering != null) f = unrequestedAction(session, prov, call, ordering, at, context);
            if (f != null) out.add(f);
        }
        return out;
    }

    /** Calls of a tool that injected text names; one finding per tool, its first call as the sink. */
    private List<Finding> namedToolCalls(SessionTimeline session, SessionProvenance prov, List<Event> carriers, Set<String> handled, DetectionContext ctx) {
        Map<String, List<Event>> callsByTool = new LinkedHashMap<>();
        for (Event e : prov.events()) {
            if (e.kind() == EventKind.TOOL_CALL && e.toolName() != null && e.toolName().length() >= 3) {
                callsByTool.computeIfAbsent(e.toolName(), k -> new ArrayList<>()).add(e);
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<Event>> entry : callsByTool.entrySet()) {
            String tool = entry.getKey();
            Event carrier = carriers.stream().filter(c -> ArtefactExtractor.mentions(EventContent.of(c), tool)).findFirst().orElse(null);
            if (carrier == null) continue;
            int carrierAt = prov.positionOf(carrier.eventId());
            List<Event> calls = entry.getValue();
            int firstCallAt = prov.positionOf(calls.get(0).eventId());
            boolean userAsked = prov.userTextsBefore(firstCallAt).stream().anyMatch(t -> ArtefactExtractor.mentions(t, tool));
            if (userAsked) continue;
            Event after = calls.stream().filter(c -> prov.positionOf(c.eventId()) > carrierAt).findFirst().orElse(null);
            boolean ownOutput = tool.equalsIgnoreCase(carrier.toolName())
                    || session.callOf(carrier).map(c -> tool.equalsIgnoreCase(c.toolName())).orElse(false);
            // A tool's output naming the tool only before its injected text (a label such as "order_status: ...") does
            // not demand the tool: without a later call, that names no abuse, and the call came before the text.
            if (after == null && !namedInOrAfterInstruction(carrier, tool, prov)) continue;
            Event sink = after != null ? after : calls.get(0);
            List<String> ids = new ArrayList<>();
            ids.add(carrier.eventId());
            calls.forEach(c -> { ids.add(c.eventId()); handled.add(c.eventId()); });
            ids.sort((a, b) -> Integer.compare(prov.positionOf(a), prov.positionOf(b)));
            String summary = prov.scanOf(carrier.eventId()).summary();
            String explanation;
            Severity severity;
            if (after != null) {
                explanation = "The agent called " + tool + " (" + calls.size() + "×) after untrusted content demanded it: " + summary;
                severity = Severity.CRITICAL;
            } else if (ownOutput) {
                explanation = "The output of " + tool + " carries instructions telling the model to use " + tool
                        + ": an attacker-controlled tool was invoked (" + calls.size() + "×). " + summary;
                severity = Severity.HIGH;
            } else {
                // The demand surfaced after the call: the same campaign most likely reached the agent earlier
                // (a planted tool in its tool list, or content the record does not show).
                explanation = "The agent called " + tool + " (" + calls.size() + "×), the tool that injected content in this session"
                        + " pushes it to use; the call came before the injected text appears in the record. " + summary;
                severity = Severity.MEDIUM;
            }
            List<String> atlas = new ArrayList<>(List.of(Atlas.AGENT_TOOL_INVOCATION, Atlas.PROMPT_INJECTION_INDIRECT));
            if (after == null) atlas.add(Atlas.POISONED_AGENT_TOOL);
            String exfiltrated = after == null ? null : exfiltrates(prov, after);
            if (exfiltrated != null) {
                atlas.add(Atlas.EXFIL_VIA_AGENT_TOOL);
                explanation += " The call sends " + exfiltrated + " out of the system.";
            }
            out.add(Findings.of(this, severity, atlas, Findings.sessionOf(sink, session), ids,
                    explanation, carrier.eventId(), sink.eventId(), ctx));
        }
        return out;
    }

    /** Whether the carrier names the tool inside or after its first instruction-like passage. */
    private static boolean namedInOrAfterInstruction(Event carrier, String tool, SessionProvenance prov) {
        String text = EventContent.of(carrier);
        var hits = prov.scanOf(carrier.eventId()).hits();
        int first = Integer.MAX_VALUE;
        for (var h : hits) {
            String core = h.excerpt().replace("…", "").strip();
            int cut = Math.min(core.length(), 20); // the excerpt begins up to 20 characters before the match
            int at = core.isEmpty() ? -1 : text.indexOf(core.substring(0, cut));
            if (at >= 0) first = Math.min(first, at);
        }
        if (first == Integer.MAX_VALUE) return true; // cannot place the instruction: keep the finding
        return ArtefactExtractor.mentions(text.substring(first), tool);
    }

    /**
     * Calls of a tool whose own description (its latest TOOL_LISTING before the call) speaks to the model, carrying
     * credentials or bulk personal data no principal gave: the description asked for the data and the tool's server
     * receives it (MCP tool poisoning; the description itself is {@link ToolPoisoningDetector}'s finding). Data the
     * call would carry anyway is the user's ("deploy with this key" typed by the user) and is left out.
     */
    private List<Finding> poisonedToolCalls(SessionTimeline session, SessionProvenance prov, Set<String> handled, DetectionContext ctx) {
        List<Finding> out = new ArrayList<>();
        Map<String, Event> latestListing = new LinkedHashMap<>();
        for (Event e : prov.events()) {
            if (e.kind() == EventKind.TOOL_LISTING) {
                String name = listedName(e);
                if (name != null) latestListing.put(name.toLowerCase(java.util.Locale.ROOT), e);
                continue;
            }
            if (e.kind() != EventKind.TOOL_CALL || e.toolName() == null) continue;
            Event listing = listingOf(latestListing, e.toolName());
            if (listing == null) continue;
            var scan = prov.scanOf(listing.eventId());
            if (scan == null || !scan.isInstruction() && scan.hiddenCarriers().isEmpty()) continue;
            int at = prov.positionOf(e.eventId());
            SensitiveDataDetector.Found data = SensitiveDataDetector.in(EventContent.of(e), prov, at);
            if (data == null) continue;
            handled.add(e.eventId());
            out.add(Findings.of(this, Severity.CRITICAL, List.of(Atlas.AGENT_TOOL_INVOCATION, Atlas.PROMPT_INJECTION_INDIRECT,
                            Atlas.POISONED_AGENT_TOOL, Atlas.EXFIL_VIA_AGENT_TOOL), Findings.sessionOf(e, session), List.of(listing.eventId(), e.eventId()),
                    "The agent passed " + data.describe() + " to " + e.toolName() + ", whose description speaks to the model: the tool's"
                            + " server receives what its description asked for. " + scan.summary(),
                    listing.eventId(), e.eventId(), ctx));
        }
        return out;
    }

    private static String listedName(Event listing) {
        return listing.toolName() != null ? listing.toolName() : Payloads.of(listing).path("name").asText(null);
    }

    /** The listing of a called tool: the same name, or the MCP client's prefixed name ({@code mcp__server__name}). */
    private static Event listingOf(Map<String, Event> latestListing, String calledTool) {
        String called = calledTool.toLowerCase(java.util.Locale.ROOT);
        Event exact = latestListing.get(called);
        if (exact != null) return exact;
        int cut = called.lastIndexOf("__");
        return cut > 0 && called.startsWith("mcp__") ? latestListing.get(called.substring(cut + 2)) : null;
    }

    /**
     * What an outward call (send, or fetch) takes out after injected instructions: credentials, card numbers,
     * IBANs or bulk contact data no principal gave, or anything at all to a destination taken from injected text.
     * Null when it is neither outward nor carrying such data: an unrequested "thanks, noted" e-mail is excessive
     * agency, not exfiltration.
     */
    static String exfiltrates(SessionProvenance prov, Event call) {
        ActionKind action = ActionKind.of(call.toolName());
        if (action != ActionKind.SEND && action != ActionKind.FETCH) return null;
        int at = prov.positionOf(call.eventId());
        SensitiveDataDetector.Found data = SensitiveDataDetector.in(EventContent.of(call), prov, at);
        if (data != null) return data.describe();
        for (Flow f : prov.flowsInto(call.eventId())) {
            if (!DESTINATIONS.contains(f.artefactType())) continue;
            var scan = prov.scanOf(f.sourceEventId());
            if (scan != null && scan.isInstruction() && !prov.principalSaidBefore(f.value(), at)) {
                return "its content to " + Findings.quote(f.value(), 80) + ", a destination taken from the injected text";
            }
        }
        return null;
    }

    /**
     * The first tool call after the carriers (events with the same injected text) that follows their instructions:
     * a call of a tool they name, or one whose arguments carry a destination, command or credential first seen in
     * them that no principal gave. Null when the agent did nothing the text asked.
     */
    static Event callFollowing(SessionProvenance prov, List<Event> carriers) {
        int from = carriers.stream().mapToInt(c -> prov.positionOf(c.eventId())).min().orElse(Integer.MAX_VALUE);
        Set<String> ids = new HashSet<>(carriers.stream().map(Event::eventId).toList());
        String text = EventContent.of(carriers.get(0));
        for (Event call : prov.events()) {
            int at = prov.positionOf(call.eventId());
            if (call.kind() != EventKind.TOOL_CALL || at <= from) continue;
            if (call.toolName() != null && call.toolName().length() >= 3 && ArtefactExtractor.mentions(text, call.toolName())) return call;
            for (Flow f : prov.flowsInto(call.eventId())) {
                if (ids.contains(f.sourceEventId()) && STEERING.contains(f.artefactType()) && !prov.principalSaidBefore(f.value(), at)) return call;
            }
        }
        return null;
    }

    private static Event lastCarrierBefore(List<Event> carriers, int at, SessionProvenance prov) {
        Event last = null;
        for (Event c : carriers) if (prov.positionOf(c.eventId()) < at) last = c;
        return last;
    }

    /** Arguments that carry a destination, command or credential first seen in injected content. */
    private Finding steeredArguments(SessionTimeline session, SessionProvenance prov, Event call, int at, DetectionContext ctx) {
        for (Flow f : prov.flowsInto(call.eventId())) {
            if (!STEERING.contains(f.artefactType())) continue;
            var scan = prov.scanOf(f.sourceEventId());
            if (scan == null || !scan.isInstruction() || prov.principalSaidBefore(f.value(), at)) continue;
            ActionKind action = ActionKind.of(call.toolName());
            List<String> atlas = new ArrayList<>(List.of(Atlas.AGENT_TOOL_INVOCATION, Atlas.PROMPT_INJECTION_INDIRECT));
            if (exfiltrates(prov, call) != null) atlas.add(Atlas.EXFIL_VIA_AGENT_TOOL);
            return Findings.of(this, action == ActionKind.READ ? Severity.HIGH : Severity.CRITICAL, atlas, Findings.sessionOf(call, session),
                    List.of(f.sourceEventId(), call.eventId()),
                    "The arguments of " + call.toolName() + " carry " + f.artefactType().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " "
                            + Findings.quote(f.value(), 80) + ", first seen in untrusted content that instructs the model; no principal gave it.",
                    f.sourceEventId(), call.eventId(), ctx);
        }
        return null;
    }

    /** An outward-facing or state-changing call after injected instructions that no user turn asked for. */
    private Finding unrequestedAction(SessionTimeline session, SessionProvenance prov, Event call, Event carrier, int at, DetectionContext ctx) {
        ActionKind action = ActionKind.of(call.toolName());
        if (action == ActionKind.READ) return null;
        if (action == ActionKind.FETCH && !fetchesNewHost(prov, call, at)) return null;
        boolean asked = prov.userTextsBefore(at).stream().anyMatch(t -> action.askedFor(t, call.toolName()));
        if (asked) return null;
        List<String> atlas = new ArrayList<>(List.of(Atlas.AGENT_TOOL_INVOCATION, Atlas.PROMPT_INJECTION_INDIRECT));
        String exfiltrated = exfiltrates(prov, call);
        if (exfiltrated != null) atlas.add(Atlas.EXFIL_VIA_AGENT_TOOL);
        if (action == ActionKind.DESTROY) atlas.add(Atlas.DATA_DESTRUCTION_VIA_AGENT_TOOL);
        return Findings.of(this, Severity.HIGH, atlas, Findings.sessionOf(call, session), List.of(carrier.eventId(), call.eventId()),
                "After untrusted content instructed the model, it made a " + action.name().toLowerCase(java.util.Locale.ROOT) + " call ("
                        + call.toolName() + ") that no user turn asked for"
                        + (exfiltrated != null ? ", sending " + exfiltrated + " out of the system." : "."),
                carrier.eventId(), call.eventId(), ctx);
    }

    /** True when a fetch goes to a host that no principal (system or user) content mentioned before. */
    private static boolean fetchesNewHost(SessionProvenance prov, Event call, int at) {
        List<String> hosts = ArtefactExtractor.extract(EventContent.of(call), List.of()).stream()
                .filter(a -> a.type() == ArtefactType.DOMAIN).map(a -> a.value()).toList();
        return hosts.stream().anyMatch(h -> !prov.principalSaidBefore(h, at));
    }
}
