package dev.tracehound.playbooks.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookReaderTest {

    static final String VALID = """
            id: demo
            title: Demo playbook
            version: 1.0.0
            incidentType: prompt injection
            references:
              atlas: [AML.T0051.001]
              owasp: [LLM01]
              detectors: [indirect-prompt-injection]
            phases:
              detection-and-analysis:
                - id: find
                  title: Find the injected text
                  guidance: Search retrieved documents.
                  evidence: [retrieval event]
                  check:
                    type: search
                    query: 'trust:RETRIEVED_DOCUMENT AND text:"ignore previous"'
                    expect: some
                - id: source
                  title: Where did it come from?
                  guidance: Decide the carrier.
                  options:
                    - {label: a document, next: quarantine}
                    - {label: a web page, next: block}
              containment:
                - id: quarantine
                  title: Quarantine the document
                  guidance: Take it out of the index.
                - id: block
                  title: Block the site
                  guidance: Block the domain in the fetch tool.
                  check: {type: detector, detector: indirect-prompt-injection, expect: none-new}
            """;

    private static Problem only(String yaml) {
        PlaybookException e = assertThrows(PlaybookException.class, () -> PlaybookReader.read(yaml, "broken.yaml"));
        assertEquals(1, e.problems().size(), e.getMessage());
        Problem p = e.problems().getFirst();
        assertEquals("broken.yaml", p.file());
        return p;
    }

    private static String replace(String from, String to) {
        assertTrue(VALID.contains(from), from);
        return VALID.replace(from, to);
    }

    @Test
    void readsAValidPlaybookWithPhasesInOrder() {
        Playbook p = PlaybookReader.read(VALID, "ok.yaml");
        assertEquals("demo", p.id());
        assertEquals(List.of(Phase.DETECTION_AND_ANALYSIS, Phase.CONTAINMENT), List.copyOf(p.phases().keySet()));
        assertEquals(List.of("find", "source", "quarantine", "block"), p.steps().stream().map(Step::id).toList());
        assertEquals(CheckRule.SOME, p.step("find").orElseThrow().check().expect());
        assertTrue(p.step("source").orElseThrow().isDecision());
        assertEquals(java.util.Set.of("indirect-prompt-injection"), p.detectors());
    }

    @Test
    void malformedYamlNamesLineAndColumn() {
        Problem p = only(replace("  atlas: [AML.T0051.001]", "  atlas: [AML.T0051.001"));
        assertTrue(p.line() >= 6, p.toString());
        assertTrue(p.message().startsWith("malformed YAML"), p.message());
    }

    @Test
    void unclosedFlowListAtTheEndAndBadIndentationAreMalformedYaml() {
        Problem end = only("id: x\ntitle: [oops\n");
        assertEquals(3, end.line(), end.toString());
        assertEquals("malformed YAML: expected ',' or ']', but got <stream end> (while parsing a flow sequence)", end.message());
        Problem indent = only("id: x\n  title: y\n");
        assertEquals(2, indent.line());
        assertTrue(indent.message().startsWith("malformed YAML: mapping values are not allowed here"), indent.message());
        Problem two = only(VALID + "---\nid: second\n");
        assertTrue(two.message().contains("more than one YAML document"), two.message());
    }

    @Test
    void unknownFieldNamesTheFieldAndTheAllowedOnes() {
        Problem p = only(replace("      guidance: Search retrieved documents.", "      guidence: Search retrieved documents."));
        assertEquals(13, p.line());
        assertEquals(7, p.column());
        assertTrue(p.message().contains("unknown field 'guidence' in a step"), p.message());
        assertTrue(p.message().contains("allowed fields: check, evidence, guidance, id, options, title"), p.message());
    }

    @Test
    void missingRequiredFieldIsNamedAtItsObject() {
        Problem p = only(replace("      title: Quarantine the document\n", ""));
        assertEquals(26, p.line());
        assertTrue(p.message().contains("step 'quarantine' has no 'title'"), p.message());
    }

    @Test
    void unknownPhaseListsThePhases() {
        Problem p = only(replace("  containment:", "  containmnet:"));
        assertEquals(25, p.line());
        assertTrue(p.message().contains("unknown phase 'containmnet'"), p.message());
        assertTrue(p.message().contains("eradication-and-recovery"), p.message());
    }

    @Test
    void moreStepsThanARunCanKeepAreRefused() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 600; i++) many.append("    - id: s").append(i).append("\n      title: Step ").append(i).append("\n      guidance: Do it.\n");
        Problem p = only(replace("    - id: block", many + "    - id: block"));
        assertTrue(p.message().contains("the playbook has 604 steps; at most 500 are kept"), p.message());
    }

    @Test
    void duplicateStepIdPointsAtTheSecondAndMentionsTheFirst() {
        Problem p = only(replace("    - id: block", "    - id: find\n      title: Again\n      guidance: Same id.\n    - id: block"));
        assertEquals(29, p.line());
        assertTrue(p.message().contains("duplicate step id 'find' (first used at line 11)"), p.message());
    }

    @Test
    void branchToMissingStepIsReported() {
        Problem p = only(replace("next: block}", "next: blok}"));
        assertEquals(24, p.line());
        assertEquals(31, p.column());
        assertTrue(p.message().contains("leads to step 'blok', which does not exist"), p.message());
    }

    @Test
    void unknownCheckTypeListsTheTypes() {
        Problem p = only(replace("type: detector,", "type: sigma,"));
        assertEquals(32, p.line());
        assertTrue(p.message().contains("unknown check type 'sigma'"), p.message());
        assertTrue(p.message().contains("search, detector, replay"), p.message());
    }

    @Test
    void ruleThatDoesNotFitTheCheckTypeIsReported() {
        Problem p = only(replace("expect: some", "expect: confirmed"));
        assertEquals(18, p.line());
        assertTrue(p.message().contains("rule 'confirmed' does not apply to a search check; allowed: none, some"), p.message());
    }

    @Test
    void unknownDetectorAndBadQueryAndBadIdsAreAllCollected() {
        String yaml = replace("detector: indirect-prompt-injection, expect", "detector: made-up, expect")
                .replace("text:\"ignore previous\"'", "(text:\"ignore'")
                .replace("[AML.T0051.001]", "[T0051]")
                .replace("[LLM01]", "[LLM11]");
        PlaybookException e = assertThrows(PlaybookException.class, () -> PlaybookReader.read(yaml, "broken.yaml"));
        String all = e.getMessage();
        assertEquals(4, e.problems().size(), all);
        assertTrue(all.contains("broken.yaml:6:11: 'T0051' is not a MITRE ATLAS id"), all);
        assertTrue(all.contains("broken.yaml:7:11: 'LLM11' is not an OWASP"), all);
        assertTrue(all.contains("the search query does not parse"), all);
        assertTrue(all.contains("unknown detector 'made-up'"), all);
    }

    @Test
    void duplicateYamlKeyAndWrongShapesAreReported() {
        Problem dup = only(replace("version: 1.0.0\n", "version: 1.0.0\nversion: 2.0.0\n"));
        assertEquals(4, dup.line());
        assertTrue(dup.message().toLowerCase().contains("duplicate field 'version'"), dup.message());

        Problem shape = only(replace("    - id: quarantine\n      title: Quarantine the document\n      guidance: Take it out of the index.\n", "    - just text\n"));
        assertTrue(shape.message().contains("wrong kind of value"), shape.message());
        assertEquals(26, shape.line());
    }

    @Test
    void emptyFileAndMissingFileHaveClearMessages(@TempDir Path dir) throws Exception {
        Problem empty = only("  \n");
        assertTrue(empty.message().contains("empty"));
        PlaybookException e = assertThrows(PlaybookException.class, () -> PlaybookReader.read(dir.resolve("nope.yaml")));
        assertTrue(e.getMessage().endsWith("no such file"), e.getMessage());
        Path f = dir.resolve("p.yaml");
        Files.writeString(f, VALID.replace("title: Demo playbook\n", ""));
        PlaybookException missing = assertThrows(PlaybookException.class, () -> PlaybookReader.read(f));
        assertTrue(missing.getMessage().startsWith(f + ":1:1: the playbook has no 'title'"), missing.getMessage());
    }

    @Test
    void aPlaybookRoundTripsThroughJsonUnchanged() throws Exception {
        Playbook p = PlaybookReader.read(VALID, "ok.yaml");
        String json = Yaml.JSON.writeValueAsString(p);
        assertTrue(json.contains("\"detection-and-analysis\""), json);
        assertEquals(p, Yaml.JSON.readValue(json, Playbook.class));
    }
}
