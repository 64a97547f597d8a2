package dev.tracehound.importers.otlp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.importers.FileHead;
import dev.tracehound.importers.ImportFixture;
import dev.tracehound.importers.Importer;
import dev.tracehound.importers.Importers;
import dev.tracehound.importers.langfuse.LangfuseImporter;
import dev.tracehound.importers.langsmith.LangSmithImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample is claimed by its own importer, with a higher score than the plausible wrong ones. */
class DetectTest {
    private static final List<Importer> MINE = List.of(new OtlpImporter(), new LangfuseImporter(), new LangSmithImporter());

    static Stream<Arguments> samples() throws IOException {
        return Stream.of("otlp", "langfuse", "langsmith").flatMap(format -> {
            try (Stream<Path> files = Files.list(ImportFixture.resource("samples/" + format))) {
                return files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".chatml.json"))
                        // The flat attribute maps are fixtures, not OTLP files: they are wrapped before import.
                        .filter(f -> !format.equals("otlp") || f.getFileName().toString().startsWith("agentprism")
                                || f.getFileName().toString().startsWith("otlpproto"))
                        .map(f -> Arguments.of(format, f)).toList().stream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("samples")
    void ownImporterWins(String format, Path file) {
        FileHead head = ImportFixture.head(file);
        Importer own = MINE.stream().filter(i -> i.format().equals(format)).findFirst().orElseThrow();
        int ownScore = own.detect(head);
        assertTrue(ownScore >= 80, format + " scored only " + ownScore + " on " + file.getFileName());
        for (Importer other : MINE) {
            if (other == own) continue;
            int otherScore = other.detect(head);
            assertTrue(otherScore < ownScore, other.format() + " scored " + otherScore + " against " + ownScore + " on " + file.getFileName());
        }
        // And against every registered importer (chat, generic, mcp, …): the registry picks this one.
        assertTrue(Importers.detect(head).format().equals(format), "registry chose " + Importers.detect(head).format());
    }

    @Test
    void jsonLinesOtlpChatLinesAndBinaryAreToldApart() {
        String line = OtlpFixture.request(OtlpConventionsTest.toolSpan("a000000000000009")).toString();
        FileHead jsonl = ImportFixture.head("traces.jsonl", line + "\n" + line + "\n");
        assertTrue(new OtlpImporter().detect(jsonl) >= 90);
        assertTrue(new LangfuseImporter().detect(jsonl) == 0);
        assertTrue(new LangSmithImporter().detect(jsonl) == 0);
        FileHead chat = ImportFixture.head("chat.jsonl", "{\"role\":\"user\",\"content\":\"hi\"}\n");
        for (Importer i : MINE) assertTrue(i.detect(chat) == 0, i.format());
        FileHead binary = new FileHead("x.bin", new byte[] {(byte) 0xff, 0, 1, 2, (byte) 0xfe});
        for (Importer i : MINE) assertTrue(i.detect(binary) == 0, i.format());
    }

    @Test
    void allThreeAreRegisteredForServiceLoader() {
        var formats = ServiceLoader.load(Importer.class).stream().map(p -> p.get().format()).toList();
        assertTrue(formats.containsAll(List.of("otlp", "langfuse", "langsmith")), formats.toString());
    }
}
