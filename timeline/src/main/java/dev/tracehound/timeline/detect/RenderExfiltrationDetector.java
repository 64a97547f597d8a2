package dev.tracehound.timeline.detect;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.Severity;
import dev.tracehound.timeline.provenance.ArtefactExtractor;
import dev.tracehound.timeline.provenance.EventContent;
import dev.tracehound.timeline.session.SessionTimeline;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exfiltration by rendering: model output with a markdown or HTML image (fetched by the client the moment it
 * renders, no click needed) or link whose URL carries data: long or encoded parameter values, or words of
 * the conversation itself.
 */
public final class RenderExfiltrationDetector implements Detector {
    private static final Pattern MD_IMAGE = Pattern.compile("!\\[[^\\]]{0,200}\\]\\(\\s*<?(https?://[^)\\s>]+)");
    private static final Pattern MD_LINK = Pattern.compile("(?<!!)\\[[^\\]]{0,200}\\]\\(\\s*<?(https?://[^)\\s>]+)");
    private static final Pattern HTML_IMAGE = Pattern.compile("<img\\b[^>]*\\bsrc\\s*=\\s*[\"']?(https?://[^\"'\\s>]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_LINK = Pattern.compile("<a\\b[^>]*\\bhref\\s*=\\s*[\"']?(https?://[^\"'\\s>]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENCODED = Pattern.compile("^(?:[A-Za-z0-9+/_-]{20,}={0,2}|(?:[0-9a-fA-F]{2}){12,})$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{5,}");

    @Override public String id() { return "render-exfiltration"; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public List<String> atlas() { return List.of(Atlas.RESPONSE_RENDERING, Atlas.DATA_LEAKAGE); }
    @Override public List<String> owasp() { return List.of("LLM05", "LLM02"); }
    @Override public String description() { return "Markdown/HTML images or links in model output whose URLs carry encoded or conversation data."; }

    @Override
    public List<Finding> detect(SessionTimeline session, DetectionContext context) {
        // one finding per URL, listing every response that rendered it (sources often record an answer twice)
        Map<String, Pending> byUrl = new LinkedHashMap<>();
        Set<String> conversation = new HashSet<>(); // grows as the session goes on: what was said before each answer
        for (Event e : session.events()) {
            if (e.kind() != EventKind.MODEL_RESPONSE) {
                addWords(e, conversation);
                continue;
            }
            String text = EventContent.of(e);
            for (Pattern p : List.of(MD_IMAGE, HTML_IMAGE, MD_LINK, HTML_LINK)) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    String url = m.group(1);
                    Pending known = byUrl.get(url);
                    if (known != null) {
                        if (!known.eventIds().contains(e.eventId())) known.eventIds().add(e.eventId());
                        continue;
                    }
                    String why = dataBearing(url, conversation);
                    if (why == null) continue;
                    boolean image = p == MD_IMAGE || p == HTML_IMAGE;
                    byUrl.put(url, new Pending(image ? Severity.HIGH : Severity.MEDIUM,
                            "Model output renders " + (image ? "an image" : "a link") + " to " + ArtefactExtractor.hostOf(url)
                                    + " whose query " + why + ": " + Findings.quote(url, 160)
                                    + (image ? " (images load without a click)." : "."),
                            new ArrayList<>(List.of(e.eventId()))));
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Pending f : byUrl.values()) {
            out.add(Findings.of(this, f.severity(), atlas(), session.sessionId(), f.eventIds(), f.explanation(), null, f.eventIds().get(0), context));
        }
        return out;
    }

    private record Pending(Severity severity, String explanation, List<String> eventIds) {}

    /** Why a URL looks data-bearing, or null: a long or encoded parameter value, or words from the conversation. */
    static String dataBearing(String url, Set<String> conversation) {
        int q = url.indexOf('?');
        String query = q < 0 ? "" : url.substring(q + 1);
        String path = q < 0 ? url : url.substring(0, q);
        List<String> values = new ArrayList<>();
        for (String kv : query.split("[&;]")) {
            int eq = kv.indexOf('=');
            values.add(decode(eq < 0 ? kv : kv.substring(eq + 1)));
        }
        // data can also ride in the last path segment
        values.add(decode(path.substring(path.lastIndexOf('/') + 1)));
        for (String v : values) {
            if (v.length() >= 24 && ENCODED.matcher(v).matches()) return "carries an encoded value (" + v.length() + " characters)";
            if (v.length() >= 64) return "carries a long value (" + v.length() + " characters)";
            int shared = 0;
            Matcher w = WORD.matcher(v.toLowerCase(Locale.ROOT));
            Set<String> seen = new HashSet<>();
            while (w.find()) if (conversation.contains(w.group()) && seen.add(w.group())) shared++;
            if (shared >= 3) return "carries " + shared + " words from the conversation";
        }
        return null;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static void addWords(Event e, Set<String> words) {
        if (e.text() == null) return;
        Matcher w = WORD.matcher(e.text().toLowerCase(Locale.ROOT));
        while (w.find()) words.add(w.group());
    }
}
