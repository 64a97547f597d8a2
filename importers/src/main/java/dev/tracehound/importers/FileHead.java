package dev.tracehound.importers;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The first bytes of a file (decompressed when gzipped), for format detection.
 *
 * @param lines sketches of the file's first JSON lines, read past the head when the lines are long
 *     ({@link dev.tracehound.importers.read.LineSketches}); null when the file does not start like JSON, or for a
 *     head made of bytes alone, whose lines are then found in the bytes
 */
public record FileHead(String fileName, byte[] bytes, List<JsonNode> lines) {

    public FileHead(String fileName, byte[] bytes) {
        this(fileName, bytes, null);
    }

    /** The head as text, decoding invalid UTF-8 leniently. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
