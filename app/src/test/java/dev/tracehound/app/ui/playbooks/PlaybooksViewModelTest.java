package dev.tracehound.app.ui.playbooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.app.testing.DirectTaskRunner;
import dev.tracehound.app.testing.SmallCase;
import dev.tracehound.playbooks.run.PlaybookRuns;
import dev.tracehound.playbooks.run.StepStatus;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybooksViewModelTest {
    @TempDir
    Path tmp;

    @Test
    void startsARunTicksAStepAndTheTickIsStoredAndAudited() throws Exception {
        SmallCase sample = SmallCase.build(tmp);
        try (Case c = Cases.open(sample.dir)) {
            PlaybooksViewModel vm = new PlaybooksViewModel(new DirectTaskRunner());
            vm.open(c);
            assertFalse(vm.catalogue().isEmpty(), "the built-in catalogue is offered");
            vm.start(vm.catalogue().getFirst());
            assertEquals(1, vm.runs().size());
            StepRow first = vm.steps().stream().filter(r -> !r.isHeading() && !r.step().isDecision()).findFirst().orElseThrow();
            assertEquals(StepStatus.OPEN, first.status());

            vm.tick(first.step().id(), null);
            StepRow after = vm.steps().stream().filter(r -> !r.isHeading() && r.step().id().equals(first.step().id())).findFirst().orElseThrow();
            assertEquals(StepStatus.DONE, after.status());
            String runId = vm.selectedProperty().get().id();
            assertTrue(new PlaybookRuns(c).get(runId).state(first.step().id()).done(), "stored in the case");
            assertTrue(c.audit().entries().stream().anyMatch(e -> e.action().equals("playbook-tick")), "audited");

            vm.reopen(first.step().id());
            assertFalse(new PlaybookRuns(c).get(runId).state(first.step().id()).done());
            assertEquals("", vm.errorProperty().get());
        }
    }
}
