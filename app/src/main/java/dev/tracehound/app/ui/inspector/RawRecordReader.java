package dev.tracehound.app.ui.inspector;


import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tracehound.importers.read.DecompressionLimit;
import dev.tracehound.importers.read.EvidenceStreams;
import dev.tracehound.timeline.evidence.EvidenceStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads the exact source record an event came from out of the stored evidence: line N of a JSONL file (streamed,
 * never the whole file), or the node a JSON pointer names in a JSON document of moderate size. Shown as text.
 */
public final class RawRecordReader {
    static final int MAX_CHARS = 200_000;
    static final long MAX_JSON_DOCUMENT = 64L * 1024 * 1024;
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RawRecordReader() {}

    public static String read(EvidenceStore evidence, String sha256, String locator) throws IOException {
        String base = locator.contains("#") ? locator.substring(0, locator.indexOf('#')) : locator;
        if (base.startsWith("line:")) {
            // line:N, or line:N/json/pointer for a node inside the JSON document on that line (OTLP JSONL)
            String rest = base.substring(5).strip();
            int slash = rest.indexOf('/');
            long line;
            try {
                line = Long.parseLong(slash < 0 ? rest : rest.substring(0, slash));
            } catch (NumberFormatException e) {
                return "(unreadable locator " + locator + ")";
            }
            String text = line(evidence, sha256, line);
            return slash < 0 ? text : nodeOfLine(text, rest.substring(slash));
        }
        if (base.startsWith("/") || base.isEmpty()) return pointer(evidence, sha256, base);
        return "(locator " + locator + " does not name a line or a JSON node; open the evidence file " + sha256 + " to read it)";
    }

    private static String line(EvidenceStore evidence, String sha256, long wanted) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(evidence, sha256), StandardCharsets.UTF_8))) {
            String l;
            long n = 0;
            while ((l = r.readLine()) != null) {
                if (++n == wanted) return cap(l);
            }
        }
        return "(the evidence file has fewer than " + wanted + " lines)";
    }

    private static String nodeOfLine(String lineText, String pointer) {
        try {
            JsonNode node = PRETTY.readTree(lineText).at(JsonPointer.compile(pointer));
            if (node == null || node.isMissingNode()) return "(no node at " + pointer + " on that line)\n\n" + lineText;
            return cap(PRETTY.writeValueAsString(node));
        } catch (IOException | IllegalArgumentException e) {
            return lineText; // not JSON after all: the line itself is the record
        }
    }

    private static String pointer(EvidenceStore evidence, String sha256, String pointer) throws IOException {
        long size = evidence.get(sha256).map(e -> e.size()).orElse(0L);
        if (size > MAX_JSON_DOCUMENT) return "(the evidence file is " + size / (1024 * 1024) + " MB; open it and go to " + pointer + ")";
        JsonNode root;
        try (InputStream in = open(evidence, sha256)) {
            root = PRETTY.readTree(in);
        }
        JsonNode node = root == null ? null : root.at(JsonPointer.compile(pointer));
        if (node == null || node.isMissingNode()) return "(no node at " + pointer + " in the evidence file)";
        return cap(PRETTY.writeValueAsString(node));
    }

    /**
     * Opens the stored copy, decompressing gzip so a record reads as its text, as the importers read it: with their
     * gzip-bomb limit, and a damaged stream named for what it is.
     */
    private static InputStream open(EvidenceStore evidence, String sha256) throws IOException {
        return EvidenceStreams.decoded(evidence.open(sha256), sha256, DecompressionLimit.DEFAULT);
    }

    private static String cap(String s) {
        return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS) + "\n… (" + (s.length() - MAX_CHARS) + " more characters in the evidence file)";
    }
}
