package dev.tracehound.replay.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.replay.Fixtures;
import dev.tracehound.timeline.context.ContextPart;
import dev.tracehound.timeline.context.ModelContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanApplierTest {
    final ModelContext original = Fixtures.injectedRagCall();

    @Test
    void removesARetrievedDocumentBySourceEvent() {
        ModelContext edited = PlanApplier.apply(original, List.of(ContextEdit.remove(PartSelector.event("ev-doc"))));
        assertEquals(4, edited.input().size());
        assertFalse(edited.input().stream().anyMatch(p -> p.text().contains("attacker")));
        assertEquals(5, original.input().size(), "the original context is untouched");
    }

    @Test
    void neutralisesTheInjectedSentenceOnly() {
        ModelContext edited = PlanApplier.apply(original, List.of(ContextEdit.replaceText(PartSelector.event("ev-doc"), Fixtures.INJECTION, "")));
        assertEquals("Refund policy v2. ", edited.input().get(4).text());
        ModelContext everywhere = PlanApplier.apply(original, List.of(ContextEdit.replaceText(null, "attacker@evil.example", "[removed]")));
        assertTrue(everywhere.input().get(4).text().contains("[removed]"));
    }

    @Test
    void removingAToolResultAlsoRemovesItsCall() {
        ModelContext edited = PlanApplier.apply(original, List.of(ContextEdit.remove(PartSelector.toolCall("call_1"))));
        assertEquals(List.of("system", "user", "document"), edited.input().stream().map(ContextPart::role).toList(),
                "the assistant turn had only that call and no text, so it goes too");
    }

    @Test
    void indicesReferToTheOriginalContext() {
        ModelContext edited = PlanApplier.apply(original, List.of(
                ContextEdit.remove(PartSelector.index(1)),
                ContextEdit.replace(PartSelector.index(4), "A harmless document.")));
        assertEquals("A harmless document.", edited.input().getLast().text());
        assertEquals(4, edited.input().size());
    }

    @Test
    void badEditsSayWhatIsWrong() {
        var e1 = assertThrows(IllegalArgumentException.class, () -> PlanApplier.apply(original, List.of(ContextEdit.remove(PartSelector.index(9)))));
        assertEquals("edit targets message index 9 but the context has 5 parts (0..4)", e1.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> PlanApplier.apply(original, List.of(ContextEdit.replaceText(PartSelector.event("ev-doc"), "not there", ""))));
        assertTrue(e2.getMessage().startsWith("text \"not there\" not found in the part from event ev-doc"));
        var e3 = assertThrows(IllegalArgumentException.class, () -> PlanApplier.apply(original, List.of(new ContextEdit("drop", null, null, null, null))));
        assertTrue(e3.getMessage().contains("use remove, replace or replace-text"));
    }

    @Test
    void plansAreJsonFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plan.json");
        Files.writeString(file, """
                {"targetEventId": "ev-modelcall", "trials": 10,
                 "sampling": {"temperature": 1.0, "seed": 7, "maxTokens": 200},
                 "edits": [{"op": "remove", "target": {"sourceEventId": "ev-doc"}},
                           {"op": "replace-text", "find": "IMPORTANT", "replacement": ""}],
                 "criterion": {"tool": "send_email"}}
                """);
        ReplayPlan plan = ReplayPlan.read(file);
        assertEquals(10, plan.trialCount());
        assertEquals(7L, plan.sampling().seed());
        assertEquals("remove the part from event ev-doc", plan.edits().get(0).describe());
        assertEquals("send_email", plan.criterion().tool());
        assertEquals(plan, dev.tracehound.replay.Json.MAPPER.readValue(plan.toJson(), ReplayPlan.class));
        Path saved = Files.writeString(dir.resolve("saved.json"), plan.toJson()); // as the desktop's Save plan writes it
        assertEquals(plan, ReplayPlan.read(saved));
        // a misspelt field would silently replay without edits: it is an error naming the fields
        Files.writeString(file, "{\"trials\": 2, \"edit\": [{\"op\": \"remove\", \"target\": {\"index\": 1}}]}");
        var typo = assertThrows(IllegalArgumentException.class, () -> ReplayPlan.read(file));
        assertTrue(typo.getMessage().contains("unknown field 'edit'; the fields here are ") && typo.getMessage().contains("edits"), typo.getMessage());
        Files.writeString(file, "{\"trials\": 0}");
        var e = assertThrows(IllegalArgumentException.class, () -> ReplayPlan.read(file));
        assertTrue(e.getMessage().contains("trials must be between 1 and 1000"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReplayPlan.read(dir.resolve("none.json"))).getMessage().startsWith("plan file not found"));
    }
}
