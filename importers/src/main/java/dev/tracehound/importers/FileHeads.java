package dev.tracehound.importers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.read.DecompressionLimit;
import dev.tracehound.importers.read.EvidenceStreams;
import dev.tracehound.importers.read.JsonLines;
import dev.tracehound.importers.read.LineSketches;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the first 64 KiB of a file, decompressed when gzipped, for format detection. Of a damaged gzip stream, what
 * inflated before the damage; one that inflates nothing is refused ({@link dev.tracehound.importers.read.GzipDamageException}).
 *
 * <p>A file that starts like JSON also gets sketches of its first {@value #SAMPLE_LINES} JSON lines, read on past the
 * head when they are long: a JSONL file whose first record is bigger than the head (a long transcript) has no whole
 * line in it, and would show no format. The sketches read at most {@value #SAMPLE_BYTES} bytes, enough to pass a
 * first record of the largest size an import loads ({@link JsonLines#MAX_RECORD_BYTES}).
 */
public final class FileHeads {
    public static final int HEAD_BYTES = 64 * 1024;
    public static final int SAMPLE_LINES = 20;
    public static final long SAMPLE_BYTES = JsonLines.MAX_RECORD_BYTES + (long) HEAD_BYTES;

    private FileHeads() {}

    public static FileHead read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "no such file (or it is a folder)");
        String name = file.getFileName().toString();
        byte[] head;
        // the raw stream is closed here too: a refused gzip header leaves no decoded stream to close
        try (InputStream raw = Files.newInputStream(file); InputStream in = EvidenceStreams.decoded(raw, name, DecompressionLimit.DEFAULT)) {
            head = EvidenceStreams.head(in, HEAD_BYTES);
        }
        return new FileHead(name, head, startsLikeJson(head) ? sketches(file, name) : null);
    }

    private static List<JsonNode> sketches(Path file, String name) throws IOException {
        try (InputStream raw = Files.newInputStream(file); InputStream in = EvidenceStreams.decoded(raw, name, DecompressionLimit.DEFAULT)) {
            return LineSketches.of(in, SAMPLE_LINES, SAMPLE_BYTES);
        } catch (IOException e) {
            return null; // the head alone then: detection does not fail on what an import will meet and report
        }
    }

    /** A byte-order mark and blank space, then an object or an array. */
    private static boolean startsLikeJson(byte[] head) {
        int i = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) i++;
        return i < head.length && (head[i] == '{' || head[i] == '[');
    }
}
