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
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * System prompt leakage: model output that repeats a good share of the system instructions (shared 8-word
 * shingles), or a canary token planted in them. When a user turn or untrusted content asked for the system
 * prompt before the leak, the finding's evidence runs from the prompt through that request to the output.
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
        List<Event> events = session.events();
        String source = systems.isEmpty() ? null : systems.get(0).eventId();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (e.kind() != EventKind.MODEL_RESPONSE && e.kind() != EventKind.TOOL_CALL) continue;
            String text = EventContent.of(e);
            String canary = canaries.stream().filter(text::contains).findFirst().orElse(null);
            String leak = null;
            if (canary != null) {
                leak = "Output contains the canary token " + Findings.quote(canary, 40) + " planted in the system prompt.";
            } else if (systemShingles.size() >= MIN_SHARED) {
                Set<String> shared = new HashSet<>(shingles(text));
                shared.retainAll(systemShingles);
                double coverage = (double) shared.size() / systemShingles.size();
                if (shared.size() >= MIN_SHARED && coverage >= COVERAGE) {
                    leak = String.format(Locale.ROOT, "Output repeats %.0f%% of the system prompt (%d shared %d-word sequences).",
                            coverage * 100, shared.size(), SHINGLE);
                }
            }
            if (leak == null) continue;
            // the path to the leak: the prompt, the request that drew it out (when there was one), the output
            ExtractionAttempt attempt = ExtractionAttempt.latestBefore(events, i, context.provenance(session));
            List<Event> evidence = new ArrayList<>(systems);
            if (attempt != null) evidence.add(attempt.event());
            evidence.add(e);
            evidence.sort(Comparator.comparingInt(events::indexOf));
            out.add(Findings.of(this, canary != null ? Severity.CRITICAL : Severity.HIGH, atlas(), session.sessionId(),
                    evidence.stream().map(Event::eventId).toList(),
                    leak + (attempt != null ? " It follows " + attempt.describe() + "." : ""), source, e.eventId(), context));
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
