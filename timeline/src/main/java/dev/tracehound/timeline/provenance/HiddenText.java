package dev.tracehound.timeline.provenance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reveals text that a model reads but a person does not see: HTML comments and CSS-hidden elements, Unicode
 * tag characters (U+E0000 block, "ASCII smuggling"), zero-width and bidi controls splitting words, and
 * base64 or hex blobs. Each revealed segment is then scanned like plain text.
 */
public final class HiddenText {
    private HiddenText() {}

    /** One piece of text revealed from a carrier. */
    public record Segment(Carrier carrier, String text) {}

    private static final Pattern HTML_COMMENT = Pattern.compile("<!--(.*?)-->", Pattern.DOTALL);
    private static final Pattern HIDDEN_ELEMENT = Pattern.compile(
            "<(\\w+)[^>]*style\\s*=\\s*[\"'][^\"']*(?:display\\s*:\\s*none|visibility\\s*:\\s*hidden|font-size\\s*:\\s*0|opacity\\s*:\\s*0(?![.\\d]*[1-9]))[^\"']*[\"'][^>]*>(.*?)</\\1>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern BASE64 = Pattern.compile("(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{24,}={0,2}(?![A-Za-z0-9+/=])");
    private static final Pattern BASE64_URL = Pattern.compile("(?<![A-Za-z0-9_=-])[A-Za-z0-9_-]{24,}={0,2}(?![A-Za-z0-9_=-])");
    // A run of 32+ hex digits, or 16+ \\xHH escapes. Written without a repeated group around an optional part: Java
    // matches each repetition of such a group one stack frame deeper, and 100 KB of "AAAA" (all hex) overflowed the
    // stack. The escaped form repeats a group, so it is bounded; a longer run is found as several segments.
    private static final Pattern HEX = Pattern.compile("(?<![0-9A-Za-z])(?:[0-9a-fA-F]{32,}|(?:\\\\x[0-9a-fA-F]{2}){16,512})(?![0-9A-Za-z])");

    /** True for zero-width characters that hide word boundaries from regex and eyes alike. */
    public static boolean isZeroWidth(int cp) {
        return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF || cp == 0x180E;
    }

    public static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F;
    }

    public static boolean isTagCharacter(int cp) {
        return cp >= 0xE0000 && cp <= 0xE007F;
    }

    /** All hidden segments of {@code text}; empty when nothing is hidden. */
    public static List<Segment> reveal(String text) {
        List<Segment> out = new ArrayList<>();
        if (text == null || text.isEmpty()) return out;
        collect(HTML_COMMENT, text, 1, Carrier.HTML_COMMENT, out);
        collect(HIDDEN_ELEMENT, text, 2, Carrier.HIDDEN_HTML, out);
        revealInvisibleCharacters(text, out);
        revealEncoded(text, out);
        return out;
    }

    private static void collect(Pattern p, String text, int group, Carrier carrier, List<Segment> out) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            String inner = m.group(group).strip();
            if (!inner.isEmpty()) out.add(new Segment(carrier, inner));
        }
    }

    private static void revealInvisibleCharacters(String text, List<Segment> out) {
        StringBuilder tags = new StringBuilder();
        StringBuilder visible = new StringBuilder(text.length());
        int zeroWidth = 0;
        int bidi = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isTagCharacter(cp)) {
                int ascii = cp - 0xE0000;
                if (ascii >= 0x20 && ascii < 0x7F) tags.append((char) ascii);
            } else if (isZeroWidth(cp)) {
                zeroWidth++;
            } else if (isBidiControl(cp)) {
                bidi++;
            } else {
                visible.appendCodePoint(cp);
            }
        }
        if (!tags.isEmpty()) out.add(new Segment(Carrier.UNICODE_TAGS, tags.toString()));
        // A stray zero-width joiner is common in emoji; several of them are a carrier.
        if (zeroWidth >= 3) out.add(new Segment(Carrier.ZERO_WIDTH, visible.toString()));
        if (bidi > 0) out.add(new Segment(Carrier.BIDI_CONTROLS, visible.toString()));
    }

    private static void revealEncoded(String text, List<Segment> out) {
        for (Pattern p : List.of(BASE64, BASE64_URL)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                String decoded = decodeBase64(m.group(), p == BASE64_URL);
                if (decoded != null && out.stream().noneMatch(s -> s.text().equals(decoded))) {
                    out.add(new Segment(Carrier.BASE64, decoded));
                }
            }
        }
        Matcher m = HEX.matcher(text);
        while (m.find()) {
            String hex = m.group().replace("\\x", "");
            if (hex.length() % 2 != 0) hex = hex.substring(0, hex.length() - 1);
            try {
                String decoded = printable(HexFormat.of().parseHex(hex));
                if (decoded != null) out.add(new Segment(Carrier.HEX, decoded));
            } catch (IllegalArgumentException ignored) {
                // not hex after all
            }
        }
    }

    private static String decodeBase64(String s, boolean urlSafe) {
        try {
            byte[] bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(s.replace("=", ""));
            return printable(bytes);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The bytes as UTF-8 when they read as text (mostly printable, some letters and spaces), else null. */
    static String printable(byte[] bytes) {
        if (bytes.length < 12) return null;
        String s = new String(bytes, StandardCharsets.UTF_8);
        long letters = s.chars().filter(Character::isLetter).count();
        long spaces = s.chars().filter(c -> c == ' ').count();
        long control = s.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0xFFFD).count();
        if (control > 0 || letters < s.length() * 0.6 || spaces == 0) return null;
        return s;
    }
}
