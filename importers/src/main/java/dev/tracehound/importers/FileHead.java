package dev.tracehound.importers;

import java.nio.charset.StandardCharsets;

/** The first bytes of a file (decompressed when gzipped), for format detection. */
public record FileHead(String fileName, byte[] bytes) {

    /** The head as text, decoding invalid UTF-8 leniently. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
