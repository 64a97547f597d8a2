package dev.tracehound.playbooks.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.playbooks.catalogue.Catalogue;
import dev.tracehound.playbooks.catalogue.CatalogueEntry;
import dev.tracehound.playbooks.catalogue.UserCatalogue;
import dev.tracehound.playbooks.format.Phase;
import dev.tracehound.timeline.audit.AuditEntry;
import dev.tracehound.timeline.findings.FindingStatus;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookRunsTest {
    @TempDir Path tmp;
    CaseFixture fx;
    Case kase;
    PlaybookRuns runs;
    Catalogue catalogue;

    @BeforeEach
    void setUp() throws Exception {
        fx = CaseFixture.create(tmp);
        kase = fx.kase;
        runs = new PlaybookRuns(kase);
        catalogue = Catalogue.load(tmp.resolve("no-user-playbooks"));
    }

    @AfterEach
    void tearDown() {
        kase.close();
    }

    private static final String CHECKS = """
            id: checks
            title: Checks
            version: 1.0.0
            incidentType: test
            phases:
              detection-and-analysis:
                - {id: injected-text, title: a, guidance: g, check: {type: search, query: 'trust:RETRIEVED_DOCUMENT AND "ignore previous"', expect: some}}
                - {id: no-memory, title: b, guidance: g, check: {type: search, query: 'kind:MEMORY_WRITE', expect: none}}
                - {id: no-email, title: c, guidance: g, check: {type: search, query: 'tool:send_email', expect: none}}
                - {id: finding-exists, title: d, guidance: g, check: {type: detector, detector: indirect-prompt-injection, expect: exists}}
                - {id: finding-confirmed, title: e, guidance: g, check: {type: detector, detector: indirect-prompt-injection, expect: confirmed}}
                - {id: triaged, title: f, guidance: g, check: {type: detector, detector: indirect-prompt-injection, expect: none-new}}
                - {id: no-loop, title: h, guidance: g, check: {type: detector, detector: runaway-consumption, expect: exists}}
                - {id: replayed, title: i, guidance: g, check: {type: replay, plan: plan-7, expect: run-exists}}
                - {id: bad-time, title: j, guidance: g, check: {type: search, query: 'ts:[yesterday TO later]', expect: some}}
                - {id: config, title: k, guidance: g, check: {type: detector, detector: configuration-change, expect: exists}}
            """;

    private CatalogueEntry fromYaml(String yaml) throws Exception {
        Path f = tmp.resolve("p-" + System.nanoTime() + ".yaml");
        Files.writeString(f, yaml);
        return new UserCatalogue(tmp.resolve("user")).importFile(f, true);
    }

    @Test
    void startTickAndAuditArePersistedInTheCase() {
        CatalogueEntry entry = catalogue.get("indirect-prompt-injection");
        PlaybookRun run = runs.start(entry, "alice");
        assertEquals("indirect-prompt-injection-1", run.id());
        String eventId = fx.events.get(1).eventId();
        runs.tick(run.id(), new Tick("find-carrier", "planted in onboarding.pdf", List.of(eventId), List.of("finding-1"), List.of("replay-3"), null), "bob");

        kase.close();
        kase = Cases.open(tmp.resolve("case"));
        PlaybookRun stored = new PlaybookRuns(kase).get(run.id());
        StepState s = stored.state("find-carrier");
        assertTrue(s.done());
        assertEquals("bob", s.doneBy());
        assertNotNull(s.doneAt());
        assertEquals(List.of(eventId), s.events());
        assertEquals(List.of("finding-1"), s.findings());
        assertEquals(List.of("replay-3"), s.replays());
        assertEquals("planted in onboarding.pdf", s.notes().getFirst().text());
        assertEquals(StepStatus.OPEN, stored.status("preserve-evidence"));
        assertEquals(1, stored.progress().get(Phase.DETECTION_AND_ANALYSIS).done());

        List<AuditEntry> audit = kase.audit().entries();
        AuditEntry start = audit.stream().filter(a -> a.action().equals("playbook-start")).findFirst().orElseThrow();
        assertEquals("alice", start.actor());
        assertTrue(start.details().contains("\"version\":\"" + run.playbookVersion() + "\"") && !run.playbookVersion().isBlank(), start.details());
        AuditEntry tick = audit.stream().filter(a -> a.action().equals("playbook-tick")).findFirst().orElseThrow();
        assertEquals("bob", tick.actor());
        assertTrue(tick.details().contains("\"step\":\"find-carrier\"") && tick.details().contains(eventId)
                && tick.details().contains("planted in onboarding.pdf"), tick.details());
        assertTrue(kase.verify().intact(), kase.verify().problems().toString());
    }

    @Test
    void secondRunOfTheSamePlaybookGetsItsOwnIdAndRunMustBeNamed() {
        CatalogueEntry entry = catalogue.get("jailbreak");
        assertEquals("jailbreak-1", runs.start(entry, "a").id());
        assertEquals("jailbreak-2", runs.start(entry, "a").id());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> runs.resolve(null));
        assertTrue(e.getMessage().contains("jailbreak-1, jailbreak-2"), e.getMessage());
    }

    @Test
    void badTicksAreRefusedWithTheReason() {
        PlaybookRun run = runs.start(catalogue.get("indirect-prompt-injection"), "a");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> runs.tick(run.id(), Tick.of("nope"), "a"))
                .getMessage().contains("has no step 'nope'; steps: preserve-evidence"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> runs.tick(run.id(), Tick.of("carrier-type"), "a"))
                .getMessage().contains("choose one of: 1) a document in the RAG index or knowledge base [quarantine-document] | 2) a web page"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> runs.tick(run.id(),
                new Tick("find-carrier", null, List.of("no-such-event"), null, null, null), "a")).getMessage().contains("no-such-event"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> runs.tick(run.id(),
                new Tick("find-carrier", null, null, List.of("finding-9"), null, null), "a")).getMessage().contains("no finding 'finding-9'"));
        assertFalse(runs.get(run.id()).state("find-carrier").done(), "nothing was written by refused ticks");
    }

    @Test
    void aDecisionSkipsTheBranchesNotTaken() {
        PlaybookRun run = runs.start(catalogue.get("indirect-prompt-injection"), "a");
        run = runs.tick(run.id(), new Tick("carrier-type", null, null, null, null, "a web page or other fetched URL"), "a");
        assertEquals(StepStatus.SKIPPED, run.status("quarantine-document"));
        assertEquals(StepStatus.SKIPPED, run.status("restrict-tool"));
        assertEquals(StepStatus.OPEN, run.status("block-source"));
        assertEquals(2, run.progress().get(Phase.CONTAINMENT).skipped());

        // the option's target step or its number work as well as the label; changing the answer moves the skips
        run = runs.tick(run.id(), new Tick("carrier-type", null, null, null, null, "restrict-tool"), "a");
        assertEquals("the output of a tool or MCP server", run.state("carrier-type").choice());
        assertEquals(StepStatus.SKIPPED, run.status("block-source"));
        run = runs.tick(run.id(), new Tick("carrier-type", null, null, null, null, "1"), "a");
        assertEquals(StepStatus.OPEN, run.status("quarantine-document"));
    }

    @Test
    void reopenUndoesATickButKeepsItsNotesAndIsAudited() {
        PlaybookRun run = runs.start(catalogue.get("jailbreak"), "a");
        runs.tick(run.id(), new Tick("harm", "first look", null, List.of("finding-1"), null, null), "a");
        PlaybookRun reopened = runs.reopen(run.id(), "harm", "not finished: output also posted publicly", "b");
        assertEquals(StepStatus.OPEN, reopened.status("harm"));
        assertEquals(List.of("first look", "not finished: output also posted publicly"),
                reopened.state("harm").notes().stream().map(Note::text).toList());
        assertEquals(List.of("finding-1"), reopened.state("harm").findings());
        assertTrue(kase.audit().entries().stream().anyMatch(e -> e.action().equals("playbook-reopen") && e.actor().equals("b")));
    }

    @Test
    void aReplayRunWhoseEveryTrialFailedDoesNotMeetAReplayCheck() throws Exception {
        // as the replay module records a run whose endpoint never answered (missing key, refused connection)
        kase.documents().put(CheckEvaluator.REPLAY_RUNS, "replay-1", "{\"plan\":\"plan-7\",\"trials\":3,\"completed\":0,\"failed\":3}");
        PlaybookRun run = runs.check(runs.start(fromYaml(CHECKS), "alice").id(), "alice");
        assertOutcome(run, "replayed", CheckOutcome.NOT_MET, 0);
        assertTrue(run.state("replayed").check().detail().contains("(1 without any)"), run.state("replayed").check().detail());
        assertFalse(run.state("replayed").done());

        kase.documents().put(CheckEvaluator.REPLAY_RUNS, "replay-2", "{\"plan\":\"plan-7\",\"trials\":3,\"completed\":1,\"failed\":2}");
        run = runs.check(run.id(), "alice");
        assertOutcome(run, "replayed", CheckOutcome.MET, 1);
    }

    @Test
    void automaticChecksAreEvaluatedAgainstTheCaseAndRecorded() throws Exception {
        kase.documents().put(CheckEvaluator.REPLAY_RUNS, "replay-1", "{\"planId\":\"plan-7\",\"trials\":3}");
        kase.documents().put(CheckEvaluator.REPLAY_RUNS, "replay-2", "{\"planId\":\"other-plan\"}");
        kase.findings().save(List.of(new dev.tracehound.timeline.findings.Finding("finding-2", "configuration-change",
                dev.tracehound.timeline.findings.Severity.MEDIUM, List.of(), List.of(), "s1", List.of(fx.events.get(0).eventId()),
                "model switched", FindingStatus.NEW, null, null, java.time.Instant.EPOCH)));
        PlaybookRun run = runs.start(fromYaml(CHECKS), "alice");
        runs.tick(run.id(), Tick.of("no-email"), "bob"); // a person's tick survives a failing check
        run = runs.check(run.id(), "alice");

        assertOutcome(run, "injected-text", CheckOutcome.MET, 1);
        assertOutcome(run, "no-memory", CheckOutcome.MET, 0);
        assertOutcome(run, "no-email", CheckOutcome.NOT_MET, 1);
        assertOutcome(run, "finding-exists", CheckOutcome.MET, 1);
        assertOutcome(run, "finding-confirmed", CheckOutcome.NOT_MET, 0);
        assertOutcome(run, "triaged", CheckOutcome.NOT_MET, 1);
        assertOutcome(run, "no-loop", CheckOutcome.NOT_MET, 0);
        assertOutcome(run, "replayed", CheckOutcome.MET, 1);
        assertEquals(CheckOutcome.ERROR, run.state("bad-time").check().outcome());
        assertOutcome(run, "config", CheckOutcome.MET, 1);
        assertTrue(run.state("injected-text").done() && run.state("injected-text").auto());
        assertEquals("bob", run.state("no-email").doneBy());
        assertTrue(run.state("no-email").done(), "a failing check never undoes a person's tick");

        kase.findings().setStatus("finding-1", FindingStatus.CONFIRMED, "alice", "checked");
        run = runs.check(run.id(), "alice");
        assertOutcome(run, "finding-confirmed", CheckOutcome.MET, 1);
        assertOutcome(run, "triaged", CheckOutcome.MET, 0);

        kase.findings().setStatus("finding-1", FindingStatus.FALSE_POSITIVE, "alice", "benign after all");
        run = runs.check(run.id(), "alice");
        assertOutcome(run, "finding-exists", CheckOutcome.NOT_MET, 0);
        assertFalse(run.state("finding-exists").done(), "a step the check had closed opens again");

        assertEquals(3, kase.audit().entries().stream().filter(a -> a.action().equals("playbook-check")).count());
        assertTrue(kase.documents().get("playbook-runs", run.id()).orElseThrow().contains("\"outcome\":\"MET\""));
    }

    private static void assertOutcome(PlaybookRun run, String step, CheckOutcome outcome, long observed) {
        CheckResult r = run.state(step).check();
        assertNotNull(r, step);
        assertEquals(outcome, r.outcome(), step + ": " + r.detail());
        assertEquals(observed, r.observed(), step + ": " + r.detail());
    }

    @Test
    void aRunKeepsThePlaybookVersionItStartedWith() throws Exception {
        Path userDir = tmp.resolve("team");
        UserCatalogue user = new UserCatalogue(userDir);
        Path v1 = tmp.resolve("v1.yaml");
        Files.writeString(v1, """
                id: team-triage
                title: Team triage
                version: 1.0.0
                incidentType: test
                phases:
                  detection-and-analysis:
                    - {id: old-step, title: Old step, guidance: As written in version one.}
                """);
        PlaybookRun run = runs.start(user.importFile(v1, false), "alice");

        Path v2 = tmp.resolve("v2.yaml");
        Files.writeString(v2, Files.readString(v1).replace("1.0.0", "2.0.0").replace("old-step, title: Old step", "new-step, title: New step"));
        assertThrows(IllegalArgumentException.class, () -> user.importFile(v2, false), "refuses to overwrite without replace");
        user.importFile(v2, true);
        assertEquals("2.0.0", Catalogue.load(userDir).get("team-triage").playbook().version());

        PlaybookRun stored = runs.get(run.id());
        assertEquals("1.0.0", stored.playbookVersion());
        assertEquals("1.0.0", stored.playbook().version());
        assertEquals("Old step", stored.playbook().step("old-step").orElseThrow().title());
        runs.tick(run.id(), Tick.of("old-step"), "alice");
        assertThrows(IllegalArgumentException.class, () -> runs.tick(run.id(), Tick.of("new-step"), "alice"));
    }
}
