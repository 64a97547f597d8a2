package dev.tracehound.importers.otlp;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Trace and span ids to lowercase hex. OTLP/JSON writes them as hex (either case) by the spec and as base64
 * when a protobuf JSON mapping serialised the bytes; the length tells which (32/16 hex digits against 24/12
 * base64 characters for 16/8 bytes). All-zero ids are invalid in OTel and read as absent.
 */
public final class OtelIds {
    private OtelIds() {}

    /** Lowercase hex, or null when absent, invalid or all zeros. */
    public static String normalise(String raw) {
        if (raw == null) return null;
        String s = raw.strip();
        if (s.startsWith("0x") || s.startsWith("0X")) s = s.substring(2);
        if (s.isEmpty()) return null;
        String hex;
        if (isHex(s) && (s.length() == 32 || s.length() == 16)) {
            hex = s.toLowerCase(Locale.ROOT);
        } else {
            try {
                byte[] bytes = Base64.getDecoder().decode(s);
                if (bytes.length == 0) return null;
                hex = HexFormat.of().formatHex(bytes);
            } catch (IllegalArgumentException e) {
                if (!isHex(s)) return null;
                hex = s.toLowerCase(Locale.ROOT); // odd-length ids from non-conforming exporters: keep as written
            }
        }
        return hex.chars().allMatch(c -> c == '0') ? null : hex;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) return false;
        }
        return true;
    }
}
