package dev.tracehound.playbooks.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.playbooks.catalogue.Catalogue;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.FindingStatus;
import dev.tracehound.timeline.findings.Severity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuggesterTest {
    @TempDir Path tmp;

    private static Finding finding(String id, String detector, FindingStatus status, String... atlas) {
        return new Finding(id, detector, Severity.HIGH, List.of(atlas), List.of(), "s", List.of("e1"), "x", status, null, null, Instant.EPOCH);
    }

    @Test
    void anIndirectInjectionFindingSuggestsTheIndirectInjectionPlaybookFirst() {
        Catalogue catalogue = Catalogue.load(tmp);
        List<Suggestion> s = Suggester.suggest(List.of(
                finding("f1", "indirect-prompt-injection", FindingStatus.NEW),
                finding("f2", "indirect-prompt-injection", FindingStatus.CONFIRMED)), catalogue);
        assertEquals("indirect-prompt-injection", s.getFirst().entry().playbook().id());
        assertEquals(List.of("f1", "f2"), s.getFirst().findingIds());
        assertEquals("2 finding(s) of indirect-prompt-injection", s.getFirst().reason());
        // every suggestion references the detector; unrelated playbooks are not suggested
        assertTrue(s.stream().allMatch(x -> x.entry().playbook().detectors().contains("indirect-prompt-injection")));
        assertTrue(s.stream().noneMatch(x -> x.entry().playbook().id().equals("denial-of-wallet")));
    }

    @Test
    void findingsOfTheRealDetectorsSuggestThePlaybookNamedForThem() {
        List<Suggestion> s = Suggester.suggest(List.of(finding("f1", "render-exfiltration", FindingStatus.NEW)), Catalogue.load(tmp));
        assertEquals("output-exfiltration", s.getFirst().entry().playbook().id());
        assertEquals(List.of("render-exfiltration"), s.getFirst().detectors());
        List<Suggestion> loop = Suggester.suggest(List.of(finding("f2", "runaway-consumption", FindingStatus.NEW)), Catalogue.load(tmp));
        assertEquals("denial-of-wallet", loop.getFirst().entry().playbook().id());
        assertEquals(List.of("runaway-consumption"), loop.getFirst().detectors());
        List<Suggestion> config = Suggester.suggest(List.of(finding("f3", "configuration-change", FindingStatus.NEW)), Catalogue.load(tmp));
        assertEquals("model-change", config.getFirst().entry().playbook().id());
        // a guessed id no detector reports matches nothing by name
        assertTrue(Suggester.suggest(List.of(finding("f4", "cost-spike", FindingStatus.NEW)), Catalogue.load(tmp)).isEmpty());
    }

    @Test
    void theMostSevereFindingsPlaybookComesFirst() {
        // as the system-prompt-leak incident analyses: a CRITICAL leak and two HIGH direct injections
        Finding leak = new Finding("f1", "system-prompt-leak", Severity.CRITICAL, List.of(), List.of(), "s", List.of("e1"), "x",
                FindingStatus.NEW, null, null, Instant.EPOCH);
        List<Suggestion> s = Suggester.suggest(List.of(leak, finding("f2", "direct-prompt-injection", FindingStatus.NEW),
                finding("f3", "direct-prompt-injection", FindingStatus.NEW)), Catalogue.load(tmp));
        assertEquals("system-prompt-leakage", s.getFirst().entry().playbook().id(), s.toString());
    }

    @Test
    void aHarmfulActionCausedByAFlaggedInjectionPointsAtTheInjectionsPlaybook() {
        // as the RAG incident analyses: the CRITICAL tool abuse starts from the document the HIGH injection finding is about
        Finding abuse = new Finding("f1", "tool-abuse", Severity.CRITICAL, List.of(), List.of(), "s", List.of("doc", "mail"), "x",
                FindingStatus.NEW, "doc", "mail", Instant.EPOCH);
        Finding injection = new Finding("f2", "indirect-prompt-injection", Severity.HIGH, List.of(), List.of(), "s", List.of("doc"), "x",
                FindingStatus.NEW, "doc", null, Instant.EPOCH);
        assertEquals("indirect-prompt-injection", Suggester.suggest(List.of(abuse, injection), Catalogue.load(tmp)).getFirst().entry().playbook().id());
        // without the injection finding, the abuse is the root and its own playbook leads
        assertEquals("tool-agent-abuse", Suggester.suggest(List.of(abuse), Catalogue.load(tmp)).getFirst().entry().playbook().id());
    }

    @Test
    void detectorMatchesRankAboveAtlasMatchesAndFalsePositivesSuggestNothing() {
        Catalogue catalogue = Catalogue.load(tmp);
        assertEquals(List.of(), Suggester.suggest(List.of(finding("f1", "runaway-consumption", FindingStatus.FALSE_POSITIVE)), catalogue));

        List<Suggestion> s = Suggester.suggest(List.of(
                finding("f1", "runaway-consumption", FindingStatus.NEW),
                finding("f2", "some-future-detector", FindingStatus.NEW, "AML.T0056")), catalogue);
        List<String> ids = s.stream().map(x -> x.entry().playbook().id()).toList();
        assertTrue(ids.indexOf("denial-of-wallet") < ids.indexOf("system-prompt-leakage"), ids.toString());
        Suggestion leak = s.get(ids.indexOf("system-prompt-leakage"));
        assertEquals(List.of("AML.T0056"), leak.sharedAtlas());
        assertEquals("findings share ATLAS AML.T0056", leak.reason());
    }
}
