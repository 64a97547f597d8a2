package dev.tracehound.timeline.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helper: reads the corpus excerpts under src/test/resources/corpus (see the PROVENANCE.txt beside each). */
public final class CorpusResource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CorpusResource() {}

    public static JsonNode json(String path) {
        try (InputStream in = open(path)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<JsonNode> jsonLines(String path) {
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(path), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) if (!line.isBlank()) out.add(JSON.readTree(line));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static InputStream open(String path) {
        InputStream in = CorpusResource.class.getResourceAsStream("/corpus/" + path);
        if (in == null) throw new IllegalArgumentException("no test resource corpus/" + path);
        return in;
    }
}
