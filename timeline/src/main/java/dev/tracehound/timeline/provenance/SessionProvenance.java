package dev.tracehound.timeline.provenance;

import dev.tracehound.timeline.context.Payloads;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import dev.tracehound.timeline.session.SessionTimeline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Provenance of one session (with its sub-agent sessions): which untrusted events carry instructions for
 * the model, which artefacts they carry, and where those artefacts reappear in tool calls or model output.
 */
public final class SessionProvenance {
    private final List<Event> events;
    private final Map<String, Integer> position = new HashMap<>();
    private final Set<String> toolNames = new LinkedHashSet<>();
    private final Map<String, InstructionScan> scans = new LinkedHashMap<>();
    private final Map<String, List<Artefact>> artefacts = new LinkedHashMap<>();
    private final List<Flow> flows = new ArrayList<>();
    /** Lowercased texts, computed once: flows and principal checks compare against them many times. */
    private final Map<String, String> sinkText = new HashMap<>();
    private final List<Integer> principalAt = new ArrayList<>();
    private final List<String> principalText = new ArrayList<>();

    private SessionProvenance(List<Event> events) {
        this.events = events;
        for (int i = 0; i < events.size(); i++) position.putIfAbsent(events.get(i).eventId(), i);
        collectToolNames();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (e.kind() == EventKind.TOOL_CALL || e.kind() == EventKind.MODEL_RESPONSE) {
                sinkText.put(e.eventId(), EventContent.of(e).toLowerCase(Locale.ROOT));
            }
            if (e.trust().isPrincipal() && e.text() != null) {
                principalAt.add(i);
                principalText.add(e.text().toLowerCase(Locale.ROOT));
            }
        }
        for (Event e : events) {
            if (!isUntrustedContent(e)) continue;
            String text = EventContent.of(e);
            scans.put(e.eventId(), InstructionScanner.scan(text));
            artefacts.put(e.eventId(), ArtefactExtractor.extract(text, toolNames));
        }
        traceFlows();
    }

    public static SessionProvenance of(SessionTimeline session) {
        return new SessionProvenance(session.eventsWithChildren());
    }

    /** Content third parties could write: tool output, retrieved documents, web pages, memory, tool descriptions. */
    public static boolean isUntrustedContent(Event e) {
        return e.trust().isUntrusted() && e.kind() != EventKind.TOOL_CALL && e.kind() != EventKind.MODEL_CALL;
    }

    private void collectToolNames() {
        for (Event e : events) {
            if ((e.kind() == EventKind.TOOL_CALL || e.kind() == EventKind.TOOL_LISTING) && e.toolName() != null) toolNames.add(e.toolName());
            if (e.kind() == EventKind.TOOL_LISTING && e.toolName() == null) {
                String n = Payloads.of(e).path("name").asText(null);
                if (n != null) toolNames.add(n);
            }
            if (e.kind() == EventKind.MODEL_CALL) {
                Payloads.tools(Payloads.of(e).get("tools")).forEach(t -> { if (t.name() != null) toolNames.add(t.name()); });
            }
        }
    }

    private void traceFlows() {
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, List<Artefact>> source : artefacts.entrySet()) {
            int from = position.get(source.getKey());
            for (int j = from + 1; j < events.size(); j++) {
                Event sink = events.get(j);
                if (sink.kind() != EventKind.TOOL_CALL && sink.kind() != EventKind.MODEL_RESPONSE) continue;
                String text = sinkText.get(sink.eventId());
                for (Artefact a : source.getValue()) {
                    if (a.type() == ArtefactType.INSTRUCTION) continue;
                    boolean reappears = a.type() == ArtefactType.TOOL_NAME
                            ? sink.kind() == EventKind.TOOL_CALL && a.value().equalsIgnoreCase(sink.toolName())
                            : text.contains(a.value().toLowerCase(Locale.ROOT));
                    // the earliest source of a value into a sink is the one that counts
                    if (reappears && seen.add(sink.eventId() + "\u0000" + a.type() + "\u0000" + a.value())) {
                        flows.add(new Flow(source.getKey(), sink.eventId(), a.type(), a.value()));
                    }
                }
            }
        }
    }

    public List<Event> events() {
        return events;
    }

    public Set<String> toolNames() {
        return toolNames;
    }

    public int positionOf(String eventId) {
        return position.getOrDefault(eventId, -1);
    }

    public InstructionScan scanOf(String eventId) {
        return scans.get(eventId);
    }

    /** Untrusted events whose content reads as instructions to the model, in order. */
    public List<Event> instructionCarriers() {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            InstructionScan s = scans.get(e.eventId());
            if (s != null && s.isInstruction()) out.add(e);
        }
        return out;
    }

    public List<Artefact> artefactsOf(String eventId) {
        return artefacts.getOrDefault(eventId, List.of());
    }

    public List<Flow> flows() {
        return List.copyOf(flows);
    }

    public List<Flow> flowsInto(String sinkEventId) {
        return flows.stream().filter(f -> f.sinkEventId().equals(sinkEventId)).toList();
    }

    /** True when the value was said by the user or the deployer (system) before the given position. */
    public boolean principalSaidBefore(String value, int before) {
        String v = value.toLowerCase(Locale.ROOT);
        // numbers are typed with spaces or dashes ("4111 1111 ..."), so compare digits with digits
        boolean digits = !v.isEmpty() && v.chars().allMatch(Character::isDigit);
        for (int k = 0; k < principalAt.size() && principalAt.get(k) < before; k++) {
            String t = principalText.get(k);
            if (t.contains(v) || digits && t.replaceAll("[ .-]", "").contains(v)) return true;
        }
        return false;
    }

    /** Texts of user turns before a position (not harness-injected lines). */
    public List<String> userTextsBefore(int before) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(before, events.size()); i++) {
            Event e = events.get(i);
            if (e.kind() == EventKind.USER_MESSAGE && e.trust() == Trust.USER && e.text() != null) out.add(e.text());
        }
        return out;
    }
}
