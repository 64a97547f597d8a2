package dev.tracehound.timeline.detect;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.provenance.InstructionScan;
import dev.tracehound.timeline.provenance.InstructionScanner;
import dev.tracehound.timeline.provenance.SessionProvenance;
import java.util.List;

/**
 * A request for the model's system prompt, as the injection detectors read it: in a user turn
 * ({@link DirectPromptInjectionDetector}) or in untrusted content such as a page, tool result or document
 * ({@link IndirectPromptInjectionDetector}). A leak that follows is most likely the answer to the latest one.
 *
 * @param excerpt the words that ask for the prompt
 */
record ExtractionAttempt(Event event, String excerpt, boolean byUser) {

    /** The attempt this event makes, or null. */
    static ExtractionAttempt of(Event e, SessionProvenance prov) {
        boolean byUser = DirectPromptInjectionDetector.typedByUser(e);
        InstructionScan scan = byUser ? InstructionScanner.scanUserInput(e.text())
                : SessionProvenance.isUntrustedContent(e) ? prov.scanOf(e.eventId()) : null;
        return scan == null ? null : scan.systemPromptRequest().map(h -> new ExtractionAttempt(e, h.excerpt(), byUser)).orElse(null);
    }

    /** The latest attempt before {@code index} in {@code events}, or null. Looked for only once a leak is found, so walks back. */
    static ExtractionAttempt latestBefore(List<Event> events, int index, SessionProvenance prov) {
        for (int i = index - 1; i >= 0; i--) {
            ExtractionAttempt a = of(events.get(i), prov);
            if (a != null) return a;
        }
        return null;
    }

    /** How an explanation names the attempt: who asked, and with which words. */
    String describe() {
        return (byUser ? "a user message" : "untrusted " + Findings.origin(event)) + " asking for it: " + Findings.quote(excerpt, 100);
    }
}
