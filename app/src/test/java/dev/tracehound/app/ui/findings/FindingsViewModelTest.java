package dev.tracehound.app.ui.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.app.testing.DirectTaskRunner;
import dev.tracehound.app.testing.SmallCase;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.findings.FindingStatus;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingsViewModelTest {
    @TempDir
    Path tmp;

    @Test
    void statusChangesAreStoredAuditedAndTheFlowRunsFromSourceToSink() throws Exception {
        SmallCase sample = SmallCase.build(tmp);
        try (Case c = Cases.open(sample.dir)) {
            FindingsViewModel vm = new FindingsViewModel(new DirectTaskRunner());
            vm.open(c);
            assertEquals(1, vm.findings().size());
            vm.selectedProperty().set(vm.findings().getFirst());
            assertEquals(List.of(sample.retrieval.eventId(), sample.events.get(4).eventId(), sample.toolCall.eventId()),
                    vm.flow().stream().map(Event::eventId).toList());

            vm.setStatus(vm.findings().getFirst(), FindingStatus.CONFIRMED, "checked by hand");
            assertEquals(FindingStatus.CONFIRMED, c.findings().get(sample.finding.id()).orElseThrow().status());
            assertEquals(FindingStatus.CONFIRMED, vm.findings().getFirst().status());
            assertTrue(c.audit().entries().stream().anyMatch(e -> e.action().equals("finding.status")
                    && e.details().contains(sample.finding.id())));
        }
    }
}
