package dev.tracehound.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundled incident's answer key is complete and consistent with the files it ships. */
class AnswerKeysTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FORMATS = Set.of("otlp", "langfuse", "claude-code", "mcp", "chat", "langsmith", "codex");
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern HEX16 = Pattern.compile("[0-9a-f]{16}");

    static Stream<String> incidents() {
        return SampleIncidents.names().stream();
    }

    private static JsonNode key(String name) throws IOException {
        try (InputStream in = SampleIncidents.open(name, "answer-key.json")) {
            return JSON.readTree(in);
        }
    }

    @ParameterizedTest
    @MethodSource("incidents")
    void answerKeyHasEveryRequiredField(String name) throws IOException {
        JsonNode key = key(name);
        assertEquals(name, key.path("incident").asText(), "incident must equal the folder name");
        for (String field : List.of("title", "files", "compromised_sessions", "benign_sessions", "injection_source",
                "harmful_action", "detectors_must_fire", "detectors_must_not_fire_on", "playbook")) {
            assertTrue(key.has(field), name + ": missing " + field);
        }
        assertFalse(key.path("title").asText().isBlank());
        assertFalse(key.path("playbook").asText().isBlank());
        assertTrue(key.path("compromised_sessions").size() > 0, name + ": no compromised session");
        assertTrue(key.path("benign_sessions").size() >= 2, name + ": detectors need benign sessions to tell apart");
        assertTrue(key.path("detectors_must_fire").size() > 0);
        JsonNode action = key.path("harmful_action");
        assertFalse(action.path("snippet").asText().isBlank(), name + ": harmful_action.snippet");
        JsonNode source = key.path("injection_source");
        if (!source.isNull()) {
            assertFalse(source.path("snippet").asText().isBlank(), name + ": injection_source.snippet");
        }
    }

    @ParameterizedTest
    @MethodSource("incidents")
    void sessionsAreDisjointAndBenignOnesAreProtected(String name) throws IOException {
        JsonNode key = key(name);
        Set<String> compromised = texts(key.path("compromised_sessions"));
        Set<String> benign = texts(key.path("benign_sessions"));
        for (String s : compromised) assertFalse(benign.contains(s), name + ": session both compromised and benign: " + s);
        assertTrue(compromised.contains(key.path("harmful_action").path("session").asText()),
                name + ": the harmful action must happen in a compromised session");
        assertTrue(benign.containsAll(texts(key.path("detectors_must_not_fire_on"))),
                name + ": detectors_must_not_fire_on lists only benign sessions");
    }

    @ParameterizedTest
    @MethodSource("incidents")
    void everyReferencedFileExistsParsesAndHoldsTheSnippets(String name) throws IOException {
        JsonNode key = key(name);
        Set<String> shipped = new HashSet<>(SampleIncidents.files(name));
        assertTrue(shipped.contains("README.md") && shipped.contains("answer-key.json"));
        StringBuilder all = new StringBuilder();
        for (JsonNode f : key.path("files")) {
            String path = f.path("path").asText();
            assertTrue(shipped.contains(path), name + ": answer key names a file not in the index: " + path);
            assertTrue(FORMATS.contains(f.path("format").asText()), name + ": unknown format " + f.path("format"));
            all.append(readAndParse(name, path));
        }
        String text = all.toString();
        // Snippets are quoted as the events will show them; in the raw files JSON escaping may intervene, so
        // compare after undoing the escapes an investigator would see undone.
        String unescaped = text.replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\");
        JsonNode source = key.path("injection_source");
        if (!source.isNull()) {
            assertTrue(unescaped.contains(source.path("snippet").asText()), name + ": injection snippet not in the evidence");
            String file = source.path("file").asText();
            assertTrue(shipped.contains(file), name + ": injection_source.file " + file);
            int line = source.path("line").asInt();
            assertTrue(line >= 1, name + ": injection_source.line");
            assertTrue(readLine(name, file, line).contains(source.path("text_contains").asText().replace("\"", "\\\"")),
                    name + ": injection text not on the stated line " + line + " of " + file);
        }
        assertTrue(unescaped.contains(key.path("harmful_action").path("snippet").asText()),
                name + ": harmful action snippet not in the evidence");
        for (String session : texts(key.path("compromised_sessions"))) assertTrue(text.contains(session), name + ": " + session);
        for (String session : texts(key.path("benign_sessions"))) assertTrue(text.contains(session), name + ": " + session);
    }

    @ParameterizedTest
    @MethodSource("incidents")
    void traceAndSpanIdsHaveOtelShape(String name) throws IOException {
        for (JsonNode f : key(name).path("files")) {
            if (!f.path("format").asText().equals("otlp")) continue;
            String path = f.path("path").asText();
            try (BufferedReader r = reader(name, path)) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isBlank()) continue;
                    JsonNode doc = JSON.readTree(line);
                    int spans = 0;
                    for (JsonNode rs : doc.path("resourceSpans"))
                        for (JsonNode ss : rs.path("scopeSpans"))
                            for (JsonNode span : ss.path("spans")) {
                                spans++;
                                assertTrue(HEX32.matcher(span.path("traceId").asText()).matches(), "traceId " + span.path("traceId"));
                                assertTrue(HEX16.matcher(span.path("spanId").asText()).matches(), "spanId " + span.path("spanId"));
                                long start = Long.parseLong(span.path("startTimeUnixNano").asText());
                                long end = Long.parseLong(span.path("endTimeUnixNano").asText());
                                assertTrue(end >= start, "span ends before it starts: " + span.path("spanId"));
                                assertTrue(start > 1_767_225_600_000_000_000L, "times are in 2026: " + span.path("spanId"));
                            }
                    assertTrue(spans > 0, name + ": an OTLP record without spans");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("incidents")
    void extractCopiesEveryFile(String name, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Path folder = SampleIncidents.extractTo(name, dir);
        assertEquals(dir.resolve(name), folder);
        for (String rel : SampleIncidents.files(name)) {
            java.nio.file.Path p = folder.resolve(rel);
            assertTrue(java.nio.file.Files.isRegularFile(p), "missing after extract: " + p);
            try (InputStream in = SampleIncidents.open(name, rel)) {
                assertEquals(in.readAllBytes().length, java.nio.file.Files.size(p));
            }
        }
    }

    /** Reads a JSON or JSONL evidence file, failing on the first record that is not valid JSON. */
    private static String readAndParse(String name, String path) throws IOException {
        StringBuilder text = new StringBuilder();
        try (BufferedReader r = reader(name, path)) {
            String line;
            while ((line = r.readLine()) != null) text.append(line).append('\n');
        }
        if (path.endsWith(".jsonl")) {
            int n = 0;
            for (String line : text.toString().split("\n")) {
                n++;
                if (line.isBlank()) continue;
                try {
                    JSON.readTree(line);
                } catch (IOException e) {
                    fail(name + "/" + path + " line " + n + " is not JSON: " + e.getMessage());
                }
            }
        } else {
            JSON.readTree(text.toString());
        }
        return text.toString();
    }

    private static String readLine(String name, String path, int line) throws IOException {
        try (BufferedReader r = reader(name, path)) {
            String l = null;
            for (int i = 0; i < line; i++) l = r.readLine();
            return l == null ? "" : l;
        }
    }

    private static BufferedReader reader(String name, String path) {
        return new BufferedReader(new InputStreamReader(SampleIncidents.open(name, path), StandardCharsets.UTF_8));
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> s = new HashSet<>();
        array.forEach(n -> s.add(n.asText()));
        return s;
    }
}
