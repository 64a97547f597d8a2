package dev.tracehound.timeline.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.timeline.context.Payloads;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.Severity;
import dev.tracehound.timeline.provenance.EventContent;
import dev.tracehound.timeline.session.SessionTimeline;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * System prompt leakage: model output that repeats a good share of the system instructions (shared 8-word
 * shingles), or a canary token planted in them.
 */
public final class SystemPromptLeakDetector implements Detector {
    static final int SHINGLE = 8;
    static final double COVERAGE = 0.25;
    static final int MIN_SHARED = 6;
    private static final Pattern CANARY = Pattern.compile("(?i)\\b(?:canary|sentinel)[\\w-]*[:=\\s]+([A-Za-z0-9_-]{8,})|\\b([A-Za-z0-9]*(?:CANARY|canary)[A-Za-z0-9_-]{6,})\\b");

    @Override public String id() { return "system-prompt-leak"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public List<String> atlas() { return List.of(Atlas.EXTRACT_SYSTEM_PROMPT); }
    @Override public List<String> owasp() { return List.of("LLM07"); }
    @Override public String description() { return "Model output reproducing a large part of the system prompt, or a canary token from it."; }

    @Override
    public List<Finding> detect(SessionTimeline session, DetectionContext context) {
        List<Event> systems = new ArrayList<>(session.ofKind(EventKind.SYSTEM_PROMPT));
        Set<String> systemTexts = new LinkedHashSet<>();
        systems.forEach(s -> { if (s.text() != null) systemTexts.add(s.text()); });
        for (Event call : session.ofKind(EventKind.MODEL_CALL)) {
            for (JsonNode m : Payloads.of(call).path("messages")) {
                String role = m.path("role").asText();
                if (role.equals("system") || role.equals("developer")) systemTexts.add(Payloads.text(m.get("content")));
            }
        }
        if (systemTexts.isEmpty()) return List.of();
        String system = String.join("\n", systemTexts);
        Set<String> systemShingles = shingles(system);
        Set<String> canaries = canaries(system);
        List<Finding> out = new ArrayList<>();
        for (Event e : session.events()) {
            if (e.kind() != EventKind.MODEL_RESPONSE && e.kind() != EventKind.TOOL_CALL) continue;
            String text = EventContent.of(e);
            List<String> evidence = new ArrayList<>(systems.stream().map(Event::eventId).toList());
            evidence.add(e.eventId());
            String canary = canaries.stream().filter(text::contains).findFirst().orElse(null);
            if (canary != null) {
                out.add(Findings.of(this, Severity.CRITICAL, atlas(), session.sessionId(), evidence,
                        "Output contains the canary token " + Findings.quote(canary, 40) + " planted in the system prompt.",
                        systems.isEmpty() ? null : systems.get(0).eventId(), e.eventId(), context));
                continue;
            }
            if (systemShingles.size() < MIN_SHARED) continue;
            Set<String> shared = new HashSet<>(shingles(text));
            shared.retainAll(systemShingles);
            double coverage = (double) shared.size() / systemShingles.size();
            if (shared.size() >= MIN_SHARED && coverage >= COVERAGE) {
                out.add(Findings.of(this, Severity.HIGH, atlas(), session.sessionId(), evidence,
                        String.format(Locale.ROOT, "Output repeats %.0f%% of the system prompt (%d shared %d-word sequences).",
                                coverage * 100, shared.size(), SHINGLE),
                        systems.isEmpty() ? null : systems.get(0).eventId(), e.eventId(), context));
            }
        }
        return out;
    }

    static Set<String> shingles(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip().split(" ");
        Set<String> out = new HashSet<>();
        for (int i = 0; i + SHINGLE <= words.length; i++) out.add(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + SHINGLE)));
        return out;
    }

    static Set<String> canaries(String system) {
        Set<String> out = new HashSet<>();
        Matcher m = CANARY.matcher(system);
        while (m.find()) out.add(m.group(1) != null ? m.group(1) : m.group(2));
        return out;
    }
}
