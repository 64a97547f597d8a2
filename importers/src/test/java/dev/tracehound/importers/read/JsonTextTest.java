package dev.tracehound.importers.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** JSON text written by {@link JsonText} is exactly what Jackson's {@code toString()} writes, for real exports and edge values. */
class JsonTextTest {
    @Test
    void everyRealSampleIsWrittenAsJacksonWritesIt() throws Exception {
        Path samples = Path.of("src/test/resources/samples");
        List<Path> files;
        try (Stream<Path> all = Files.walk(samples)) {
            files = all.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".jsonl")).sorted().toList();
        }
        int trees = 0;
        for (Path file : files) {
            if (file.toString().endsWith(".jsonl")) {
                try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        JsonNode tree = Json.parseIfJson(line); // samples hold a few broken lines on purpose
                        if (tree == null) continue;
                        assertSame(tree, file);
                        trees++;
                    }
                }
            } else {
                assertSame(Json.MAPPER.readTree(file.toFile()), file);
                trees++;
            }
        }
        assertTrue(trees > 50, "read " + trees + " trees from " + files.size() + " files");
    }

    @Test
    void numbersStringsAndNestingAsJacksonWritesThem() throws Exception {
        ObjectNode o = Json.object();
        o.put("int", 7).put("long", 1_760_000_000_100_000_000L).put("big", new BigInteger("123456789012345678901234567890"))
                .put("float", 1.5f).put("double", 0.1).put("decimal", new BigDecimal("0.0")).put("exp", new BigDecimal("1E+3"))
                .put("yes", true).putNull("none").put("text", "tab\t quote\" back\\ nul\u0000 bidi\u202E emoji \uD83D\uDE00 </script>");
        o.set("empty", Json.object());
        o.set("list", Json.object().arrayNode().add(1).add("two").addNull());
        assertSame(o, "built");
        assertSame(Json.MAPPER.readTree("[1.0, 1e400, -0, 0.30000000000000004, 12345678901234567890123, \"\\u00e9\"]"), "parsed numbers");

        // a tree read at the deepest nesting allowed, wrapped in a payload, still writes
        String deep = "[".repeat(Json.MAX_DEPTH - 1) + "]".repeat(Json.MAX_DEPTH - 1);
        ObjectNode payload = Json.object();
        payload.set("content", Json.MAPPER.readTree(deep));
        String written = JsonText.of(payload);
        assertTrue(written.startsWith("{\"content\":[[[") && written.endsWith("]]]}"));
        ArrayNode round = (ArrayNode) Json.MAPPER.readTree(written).get("content");
        assertEquals(Json.MAPPER.readTree(deep), round);
    }

    private static void assertSame(JsonNode tree, Object where) {
        assertEquals(tree.toString(), JsonText.of(tree), where.toString());
    }
}
