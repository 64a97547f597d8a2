package dev.tracehound.playbooks.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.playbooks.catalogue.BuiltInPlaybooks;
import dev.tracehound.playbooks.catalogue.CatalogueEntry;
import dev.tracehound.playbooks.format.CheckType;
import dev.tracehound.playbooks.format.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every saved search of the built-in catalogue runs on a real case index, and the injection search finds the payload. */
class CatalogueQueriesTest {
    @TempDir Path tmp;

    @Test
    void everyBuiltInSearchRunsOnTheCaseIndex() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        try (var kase = fx.kase) {
            CheckEvaluator evaluator = new CheckEvaluator(kase);
            List<String> failures = new ArrayList<>();
            int searches = 0;
            for (CatalogueEntry e : BuiltInPlaybooks.load()) {
                for (Step s : e.playbook().steps()) {
                    if (s.check() == null || s.check().type() != CheckType.SEARCH) continue;
                    searches++;
                    CheckResult r = evaluator.evaluate(s.check(), "t", "2025-01-01T00:00:00Z");
                    if (r.outcome() == CheckOutcome.ERROR) failures.add(e.playbook().id() + "/" + s.id() + ": " + r.detail());
                }
            }
            assertTrue(searches >= 10, "searches: " + searches);
            assertEquals(List.of(), failures);

            Step carrier = BuiltInPlaybooks.load().stream().filter(e -> e.playbook().id().equals("indirect-prompt-injection"))
                    .findFirst().orElseThrow().playbook().step("find-carrier").orElseThrow();
            CheckResult found = evaluator.evaluate(carrier.check(), "t", "2025-01-01T00:00:00Z");
            assertEquals(CheckOutcome.MET, found.outcome(), found.detail());
            assertEquals(1, found.observed(), "only the poisoned document, not the user's question");
        }
    }
}
