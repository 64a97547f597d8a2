package dev.tracehound.app.ui.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.app.testing.DirectTaskRunner;
import dev.tracehound.app.testing.SmallCase;
import dev.tracehound.app.ui.annotate.AnnotationIndex;
import dev.tracehound.timeline.findings.Severity;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsViewModelTest {
    @TempDir
    Path tmp;

    @Test
    void sessionsCarryFindingBadgesTheirEventsAndAnnotations() throws Exception {
        SmallCase sample = SmallCase.build(tmp);
        try (Case c = Cases.open(sample.dir)) {
            SessionsViewModel vm = new SessionsViewModel(new DirectTaskRunner());
            vm.open(c, new AnnotationIndex(c.annotations()));
            assertEquals(3, vm.sessions().size());
            SessionItem alpha = vm.sessions().stream().filter(s -> s.summary().sessionId().equals("s-alpha")).findFirst().orElseThrow();
            assertEquals(Map.of(Severity.HIGH, 1), alpha.findings());
            assertEquals(Severity.HIGH, alpha.worst());

            vm.selectedProperty().set(alpha);
            assertEquals(sample.events.subList(0, 7), vm.sessionEvents());

            vm.toggleStar(alpha);
            vm.tag(alpha, "exfiltration");
            assertTrue(c.annotations().of("s-alpha").starred());
            assertEquals(Set.of("exfiltration"), vm.annotationsOf("s-alpha").tags());
        }
    }
}
