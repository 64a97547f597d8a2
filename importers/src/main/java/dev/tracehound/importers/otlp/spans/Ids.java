package dev.tracehound.importers.otlp.spans;

import java.util.Locale;

/** Ids from formats other than OTLP: hex ids (OTel-ingested data) to lowercase so they match OTLP's; others as given. */
public final class Ids {
    private Ids() {}

    public static String normalise(String raw) {
        if (raw == null) return null;
        String s = raw.strip();
        if (s.isEmpty()) return null;
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == '-')) return s;
        }
        return s.toLowerCase(Locale.ROOT);
    }
}
