package dev.tracehound.replay.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Removes an endpoint's key from what came back before anything keeps it: providers echo a rejected key in their 401
 * message ("Incorrect API key provided: sk-..."), and a response, its error and the run built from them are stored in
 * the case and printed. Keys shorter than {@link #MIN_LENGTH} (placeholders a local server ignores) are left alone,
 * since replacing them would mangle ordinary text.
 */
final class KeyRedaction {
    static final int MIN_LENGTH = 8;

    private final byte[] key;
    private final byte[] replacement;

    private KeyRedaction(String key, String variable) {
        this.key = key == null || key.length() < MIN_LENGTH ? null : key.getBytes(StandardCharsets.UTF_8);
        this.replacement = ("[key from $" + variable + " removed]").getBytes(StandardCharsets.UTF_8);
    }

    static KeyRedaction of(String key, String variable) {
        return new KeyRedaction(key, variable);
    }

    String apply(String text) {
        if (key == null || text == null) return text;
        return text.replace(new String(key, StandardCharsets.UTF_8), new String(replacement, StandardCharsets.UTF_8));
    }

    byte[] apply(byte[] bytes) {
        if (key == null || bytes == null || indexOf(bytes, 0) < 0) return bytes;
        var out = new java.io.ByteArrayOutputStream(bytes.length);
        int from = 0;
        for (int at; (at = indexOf(bytes, from)) >= 0; from = at + key.length) {
            out.write(bytes, from, at - from);
            out.writeBytes(replacement);
        }
        out.write(bytes, from, bytes.length - from);
        return out.toByteArray();
    }

    private int indexOf(byte[] bytes, int from) {
        for (int i = from; i <= bytes.length - key.length; i++) {
            if (bytes[i] == key[0] && Arrays.equals(bytes, i, i + key.length, key, 0, key.length)) return i;
        }
        return -1;
    }
}
