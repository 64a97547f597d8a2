package dev.tracehound.playbooks.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.playbooks.DetectorIds;
import dev.tracehound.playbooks.format.CheckType;
import dev.tracehound.playbooks.format.Phase;
import dev.tracehound.playbooks.format.Playbook;
import dev.tracehound.playbooks.format.Step;
import dev.tracehound.timeline.detect.Detector;
import dev.tracehound.timeline.detect.Detectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shipped catalogue is valid, complete, and cites only ids that exist in the reference files. */
class BuiltInCatalogueTest {
    static final Path SHARED = Path.of(System.getProperty("tracehound.shared", "../../shared"));
    static final Set<String> OWASP_2025 = Set.of("LLM01", "LLM02", "LLM03", "LLM04", "LLM05", "LLM06", "LLM07", "LLM08", "LLM09", "LLM10");

    private final List<CatalogueEntry> entries = BuiltInPlaybooks.load();

    @Test
    void indexListsEveryPlaybookFileInTheFolder() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/playbooks"))) {
            Set<String> onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).collect(Collectors.toSet());
            assertEquals(onDisk, new HashSet<>(BuiltInPlaybooks.fileNames()));
        }
    }

    @Test
    void everyBuiltInPlaybookValidatesAndIdsAreUnique() {
        assertTrue(entries.size() >= 11, "at least the eleven incident types");
        Set<String> ids = new HashSet<>();
        for (CatalogueEntry e : entries) {
            Playbook p = e.playbook();
            assertTrue(ids.add(p.id()), "duplicate playbook id " + p.id());
            assertEquals(CatalogueEntry.BUILT_IN, e.origin());
            assertEquals(Set.of(Phase.values()), p.phases().keySet(), p.id() + " covers all five phases");
            assertTrue(p.steps().stream().anyMatch(s -> s.check() != null), p.id() + " has automatic checks");
            assertFalse(p.references().atlas().isEmpty(), p.id());
            assertFalse(p.references().owasp().isEmpty(), p.id());
            assertFalse(p.detectors().isEmpty(), p.id() + " is suggested by some detector");
            for (Step s : p.steps()) {
                for (String ev : s.evidence()) {
                    // a comma inside a YAML flow list splits an item silently; unbalanced brackets reveal it
                    assertEquals(ev.chars().filter(c -> c == '(').count(), ev.chars().filter(c -> c == ')').count(), p.id() + "/" + s.id() + ": " + ev);
                }
            }
        }
    }

    @Test
    void coversTheRequiredIncidentTypes() {
        Set<String> ids = entries.stream().map(e -> e.playbook().id()).collect(Collectors.toSet());
        assertTrue(ids.containsAll(Set.of("direct-prompt-injection", "indirect-prompt-injection", "tool-agent-abuse",
                "output-exfiltration", "system-prompt-leakage", "jailbreak", "data-poisoning", "model-extraction",
                "model-change", "supply-chain", "denial-of-wallet")), ids.toString());
    }

    @Test
    void everyAtlasIdExistsInAtlas560() throws Exception {
        Set<String> known = new HashSet<>();
        for (String file : List.of("atlas_techniques.tsv", "atlas_mitigations.tsv")) {
            Files.readAllLines(SHARED.resolve("reference").resolve(file)).stream().skip(1)
                    .map(l -> l.split("\t")[0].strip()).forEach(known::add);
        }
        assertTrue(known.contains("AML.T0051.001") && known.contains("AML.M0030"), "reference parsed");
        List<String> unknown = new ArrayList<>();
        for (CatalogueEntry e : entries) {
            for (String id : e.playbook().references().atlas()) if (!known.contains(id)) unknown.add(e.playbook().id() + ": " + id);
            // ids mentioned in step guidance must be real too
            for (Step s : e.playbook().steps()) {
                Matcher m = Pattern.compile("AML\\.[TM]\\d{4}(\\.\\d{3})?").matcher(s.guidance());
                while (m.find()) if (!known.contains(m.group())) unknown.add(e.playbook().id() + "/" + s.id() + ": " + m.group());
            }
        }
        assertEquals(List.of(), unknown);
    }

    @Test
    void everyOwaspIdIsA2025IdAndEveryCosaiSectionExists() throws Exception {
        String cosai = Files.readString(SHARED.resolve("reference/CoSAI-AI-Incident-Response.md"));
        Set<String> sections = new HashSet<>();
        Matcher m = Pattern.compile("(?m)^#+\\s+(\\d+(?:\\.\\d+)*)\\.?\\s").matcher(cosai);
        while (m.find()) sections.add(m.group(1));
        assertTrue(sections.contains("4.3.2") && sections.contains("3.3.3.1"), "reference parsed: " + sections.size());
        for (CatalogueEntry e : entries) {
            assertTrue(OWASP_2025.containsAll(e.playbook().references().owasp()), e.playbook().id());
            for (String s : e.playbook().references().cosai()) assertTrue(sections.contains(s), e.playbook().id() + ": CoSAI section " + s);
        }
    }

    @Test
    void everyDetectorNamedIsARealDetectorAndEveryDetectorSuggestsAPlaybook() {
        Set<String> real = Detectors.all().stream().map(Detector::id).collect(Collectors.toSet());
        Set<String> used = new HashSet<>();
        for (CatalogueEntry e : entries) {
            for (String d : e.playbook().detectors()) assertTrue(real.contains(d), e.playbook().id() + " references unknown detector " + d);
            used.addAll(e.playbook().detectors());
            for (Step s : e.playbook().steps()) {
                if (s.check() == null || s.check().type() != CheckType.DETECTOR) continue;
                assertTrue(real.contains(s.check().detector()), e.playbook().id() + "/" + s.id() + " checks unknown detector " + s.check().detector());
                used.add(s.check().detector());
            }
        }
        assertEquals(real, used);
        assertEquals(real, Set.copyOf(DetectorIds.ALL));
    }
}
