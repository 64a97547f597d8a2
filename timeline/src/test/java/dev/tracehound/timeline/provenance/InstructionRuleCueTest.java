package dev.tracehound.timeline.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.timeline.testing.CorpusResource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A rule with a cue tries its pattern only around the cue's words ({@link InstructionRule.Cue}); it must find a match
 * exactly where the whole pattern over the whole text does (with the rule's veto either way). Checked on BIPIA's attacks (MIT, src/test/resources/corpus/
 * bipia) set in its e-mails and code answers at the start, the middle and the end, after long filler (so the windows
 * start far into the text) and next to other cue words (so windows merge).
 */
class InstructionRuleCueTest {
    private static final String FILLER = "Quarterly figures follow below and nothing in them asks anything of the reader at all.\n".repeat(60);

    @Test
    void aCuedRuleMatchesExactlyWhereItsWholePatternDoes() {
        List<InstructionRule> cued = InstructionScanner.THIRD_PARTY.stream().filter(r -> r.cue() != null).toList();
        assertEquals(4, cued.size(), "the rules with cues: " + cued.stream().map(InstructionRule::id).toList());
        int[] matched = new int[cued.size()];
        for (String text : texts()) {
            for (int i = 0; i < cued.size(); i++) {
                InstructionRule rule = cued.get(i);
                boolean whole = rule.findEverywhere(text) != null;
                assertEquals(whole, rule.find(text) != null, rule.id() + " on: " + text.substring(0, Math.min(200, text.length())));
                if (whole) matched[i]++;
            }
        }
        for (int i = 0; i < cued.size(); i++) assertTrue(matched[i] >= 20, cued.get(i).id() + " matched only " + matched[i] + " texts");
    }

    @Test
    void withoutItsCueWordsARuleIsNotTriedAtAll() {
        // the pattern alone matches all three; the cue decides where it is tried (10 characters before it, 30 after)
        InstructionRule gated = InstructionRule.withCue("t", "t", 1, "zzqx", 10, 30, "compose");
        assertNull(gated.find("Please compose a song about us."));
        assertTrue(gated.find("Please compose a song about us. zzqx") == null, "the cue is too far behind the match");
        assertTrue(gated.find("zzqx: please compose a song") != null);
    }

    @Test
    void lookbehindsAndLineStartsSeeTheTextBeforeAWindow() {
        // Orders.START accepts a line start or a sentence end before the order: the window must not invent either
        InstructionRule rule = TaskHijack.CREATIVE_WRITING;
        String midSentence = FILLER + "the team wrote a poem about the merger";
        assertNull(rule.find(midSentence), "\"wrote\" is not an order, and a window start is not a line start");
        assertEquals(rule.pattern().matcher(midSentence).find(), rule.find(midSentence) != null);
        String order = FILLER + "Thanks for reading. Write a poem about the ocean.";
        assertTrue(rule.find(order) != null);
    }

    private static List<String> texts() {
        List<String> attacks = new ArrayList<>();
        for (String file : List.of("text_attack_test.json", "text_attack_train.json", "code_attack_test.json", "code_attack_train.json")) {
            CorpusResource.json("bipia/" + file).forEach(category -> category.forEach(a -> attacks.add(a.asText())));
        }
        List<String> contexts = new ArrayList<>();
        List<JsonNode> emails = CorpusResource.jsonLines("bipia/email_test.jsonl");
        for (int i = 0; i < emails.size(); i += 10) contexts.add(emails.get(i).path("context").asText());
        List<JsonNode> answers = CorpusResource.jsonLines("bipia/code_test.jsonl");
        for (int i = 0; i < answers.size(); i += 10) {
            List<String> lines = new ArrayList<>();
            answers.get(i).path("context").forEach(line -> lines.add(line.asText()));
            contexts.add(String.join("\n", lines));
        }
        List<String> texts = new ArrayList<>();
        for (int a = 0; a < attacks.size(); a++) {
            String attack = attacks.get(a);
            String context = contexts.get(a % contexts.size());
            int middle = context.length() / 2;
            texts.add(attack + "\n" + context);
            texts.add(context.substring(0, middle) + "\n" + attack + "\n" + context.substring(middle));
            texts.add(context + "\n" + attack);
            texts.add(FILLER + attack);
            // another attack's cue words nearby, so windows overlap and merge
            texts.add(FILLER + attacks.get((a + 1) % attacks.size()) + " " + attack + "\n" + FILLER);
        }
        return texts;
    }
}
