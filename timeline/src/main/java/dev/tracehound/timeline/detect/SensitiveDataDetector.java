package dev.tracehound.timeline.detect;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.Severity;
import dev.tracehound.timeline.provenance.Artefact;
import dev.tracehound.timeline.provenance.ArtefactExtractor;
import dev.tracehound.timeline.provenance.ArtefactType;
import dev.tracehound.timeline.provenance.EventContent;
import dev.tracehound.timeline.provenance.SessionProvenance;
import dev.tracehound.timeline.provenance.Secrets;
import dev.tracehound.timeline.session.SessionTimeline;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets and personal data leaving through model output or tool arguments: credentials (API-key shapes,
 * private keys, JWTs), card numbers that pass Luhn, IBANs, and bulk e-mail addresses or phone numbers.
 * Values the user typed themselves are theirs to pass on and are not flagged.
 */
public final class SensitiveDataDetector implements Detector {
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])\\+?\\d{1,3}[ .-]?\\(?\\d{2,4}\\)?[ .-]?\\d{3}[ .-]?\\d{3,4}(?!\\w)");
    static final int BULK = 5;

    @Override public String id() { return "sensitive-data"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public List<String> atlas() { return List.of(Atlas.DATA_LEAKAGE, Atlas.UNSECURED_CREDENTIALS); }
    @Override public List<String> owasp() { return List.of("LLM02"); }
    @Override public String description() { return "Credentials, card numbers (Luhn), IBANs or bulk e-mail/phone data in model output or tool arguments."; }

    @Override
    public List<Finding> detect(SessionTimeline session, DetectionContext context) {
        SessionProvenance prov = context.provenance(session);
        List<Finding> out = new ArrayList<>();
        List<Event> outputs = session.events().stream()
                .filter(e -> e.kind() == EventKind.MODEL_RESPONSE || e.kind() == EventKind.TOOL_CALL).toList();
        for (List<Event> same : SameContent.group(outputs)) {
            Event e = same.get(0);
            Found found = in(EventContent.of(e), prov, prov.positionOf(e.eventId()));
            if (found == null) continue;
            String where = e.kind() == EventKind.TOOL_CALL ? "the arguments of " + e.toolName() : "model output";
            out.add(Findings.of(this, found.severity(), atlas(), session.sessionId(), same.stream().map(Event::eventId).toList(),
                    "Sensitive data in " + where + ": " + found.describe() + ".", null, e.eventId(), context));
        }
        return out;
    }

    /** What sensitive data a text carries, masked for an explanation, and how grave it is. */
    record Found(List<String> values, Severity severity) {
        String describe() {
            return String.join(", ", values);
        }
    }

    /**
     * The credentials, Luhn-valid card numbers, IBANs and bulk e-mail addresses or phone numbers in a text written at
     * position {@code at} of the session, leaving out values a principal (user or system) said before; null for none.
     */
    static Found in(String text, SessionProvenance prov, int at) {
        List<String> found = new ArrayList<>();
        Severity severity = null;
        for (Secrets.Match s : Secrets.find(text)) {
            if (prov.principalSaidBefore(s.value(), at)) continue;
            found.add(s.kind() + " " + Findings.quote(mask(s.value()), 40));
            severity = max(severity, s.kind().equals("private key") ? Severity.CRITICAL : Severity.HIGH);
        }
        Set<String> emails = new HashSet<>();
        for (Artefact a : ArtefactExtractor.extract(text, List.of())) {
            if (prov.principalSaidBefore(a.value(), at)) continue;
            if (a.type() == ArtefactType.CARD_NUMBER) {
                found.add("card number " + mask(a.value()));
                severity = max(severity, Severity.HIGH);
            } else if (a.type() == ArtefactType.IBAN) {
                found.add("IBAN " + mask(a.value()));
                severity = max(severity, Severity.MEDIUM);
            } else if (a.type() == ArtefactType.EMAIL) {
                emails.add(a.value());
            }
        }
        Set<String> phones = new HashSet<>();
        Matcher m = PHONE.matcher(text);
        while (m.find()) phones.add(m.group().replaceAll("\\D", ""));
        if (emails.size() >= BULK) {
            found.add(emails.size() + " e-mail addresses");
            severity = max(severity, Severity.MEDIUM);
        }
        if (phones.size() >= BULK) {
            found.add(phones.size() + " phone numbers");
            severity = max(severity, Severity.MEDIUM);
        }
        return severity == null ? null : new Found(List.copyOf(found), severity);
    }

    private static Severity max(Severity a, Severity b) {
        return a == null || b.atLeast(a) ? b : a;
    }

    /** Shows enough to recognise a value without copying the secret into the finding. */
    static String mask(String v) {
        if (v.length() <= 8) return "****";
        return v.substring(0, 4) + "…" + v.substring(v.length() - 4);
    }
}
