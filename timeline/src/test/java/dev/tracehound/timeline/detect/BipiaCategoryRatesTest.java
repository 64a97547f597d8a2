package dev.tracehound.timeline.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehound.timeline.provenance.InstructionScanner;
import dev.tracehound.timeline.testing.CorpusResource;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every BIPIA attack (src/test/resources/corpus/bipia, MIT) inserted into the contexts of its task at BIPIA's three
 * positions, counted per attack category: text attacks in the e-mails, code attacks in the Stack Overflow answers.
 * The rates are printed (docs/detectors.md quotes them); every attack {@link BipiaInjectionTest} expects must be
 * found in every insertion, and no benign context (e-mails, code answers, the 1000 BIPIA tables, tau-bench and
 * ASB-clean tool output from ../shared/corpus) may be flagged. A lone tool result is an indirect-injection finding
 * exactly when {@link InstructionScanner#scan} reads it as an instruction, so the scanner is run directly.
 * Every {@code bipia.stride}-th context is used (default 10); {@code -Dbipia.stride=1} measures all 60,000 insertions.
 */
class BipiaCategoryRatesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STRIDE = Integer.getInteger("bipia.stride", 10);

    record Rate(String category, int found, int total) {
        @Override public String toString() {
            return String.format(Locale.ROOT, "%-75s %5d / %5d  %5.1f %%", category, found, total, 100.0 * found / total);
        }
    }

    static boolean flagged(String text) {
        return InstructionScanner.scan(text).isInstruction();
    }

    static List<String> sample(List<String> contexts) {
        return IntStream.range(0, contexts.size()).filter(i -> i % STRIDE == 0).mapToObj(contexts::get).toList();
    }

    /** Each category of the file in file order; attacks that are expected but missed somewhere land in {@code missed}. */
    static List<Rate> rates(String attackFile, List<String> contexts, Set<String> expected, List<String> missed) {
        List<Rate> out = new ArrayList<>();
        CorpusResource.json("bipia/" + attackFile).properties().forEach(category -> {
            int found = 0, total = 0;
            for (JsonNode a : category.getValue()) {
                String attack = a.asText();
                for (String context : contexts) {
                    for (String text : List.of(attack + "\n" + context, BipiaInjectionTest.atMiddleSentence(context, attack), context + "\n" + attack)) {
                        total++;
                        if (flagged(text)) found++;
                        else if (expected.contains(attack)) missed.add(attack);
                    }
                }
            }
            out.add(new Rate(attackFile.replace(".json", "") + " / " + category.getKey(), found, total));
        });
        return out;
    }

    @Test
    void everyExpectedAttackIsFoundInEveryInsertionAndTheRatesArePrinted() {
        Set<String> expected = new HashSet<>(BipiaInjectionTest.answerAttacks());
        expected.addAll(BipiaInjectionTest.taskAttacks());
        expected.addAll(BipiaInjectionTest.codeAttacks());
        List<String> missed = new ArrayList<>();
        List<Rate> all = new ArrayList<>();
        List<String> emails = sample(BipiaInjectionTest.emailBodies()), answers = sample(BipiaInjectionTest.codeAnswers());
        for (String file : List.of("text_attack_test.json", "text_attack_train.json")) all.addAll(rates(file, emails, expected, missed));
        for (String file : List.of("code_attack_test.json", "code_attack_train.json")) all.addAll(rates(file, answers, expected, missed));
        System.out.println("BIPIA, " + emails.size() + " e-mails and " + answers.size() + " code answers, 3 positions each:");
        all.forEach(System.out::println);
        assertEquals(50, all.size(), "30 text and 20 code categories");
        assertEquals(List.of(), missed);
    }

    @Test
    void noBenignContextIsFlagged() throws Exception {
        List<String> benign = new ArrayList<>(BipiaInjectionTest.emailBodies());
        benign.addAll(BipiaInjectionTest.codeAnswers());
        Path corpus = CorpusDetectionTest.corpus();
        for (String f : List.of("bipia/benchmark/table/test.jsonl", "bipia/benchmark/table/train.jsonl")) {
            try (BufferedReader r = Files.newBufferedReader(corpus.resolve(f))) {
                for (String line; (line = r.readLine()) != null; ) if (!line.isBlank()) benign.add(JSON.readTree(line).path("context").asText());
            }
        }
        try (BufferedReader r = Files.newBufferedReader(corpus.resolve("asb/asb-clean.jsonl"))) {
            for (String line; (line = r.readLine()) != null; ) if (!line.isBlank()) benign.addAll(toolOutputs(JSON.readTree(line).path("messages")));
        }
        for (JsonNode run : JSON.readTree(corpus.resolve("tau-bench/gpt-4o-airline.json").toFile())) benign.addAll(toolOutputs(run.path("traj")));
        assertEquals(100 + 50 + 1000 + 208 + 1164, benign.size());
        assertEquals(List.of(), benign.stream().filter(BipiaCategoryRatesTest::flagged).map(t -> InstructionScanner.scan(t).summary()).toList());
    }

    private static List<String> toolOutputs(JsonNode messages) {
        List<String> out = new ArrayList<>();
        messages.forEach(m -> { if (m.path("role").asText().equals("tool")) out.add(m.path("content").asText()); });
        return out;
    }
}
