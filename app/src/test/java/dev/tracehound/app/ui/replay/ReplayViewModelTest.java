package dev.tracehound.app.ui.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.app.testing.DirectTaskRunner;
import dev.tracehound.app.testing.SmallCase;
import dev.tracehound.app.ui.screenshots.FxThread;
import dev.tracehound.replay.endpoint.EndpointKind;
import dev.tracehound.replay.endpoint.EndpointProfiles;
import dev.tracehound.replay.plan.ReplayPlan;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Replay screen's view model over a real small case (H2 + Lucene + evidence) against a local endpoint speaking
 * OpenAI Chat Completions that calls {@code send_email} only while the injected instruction is in its context.
 */
class ReplayViewModelTest {
    @TempDir
    Path tmp;
    FakeChatServer server;
    Path config;

    @BeforeAll
    static void toolkit() throws InterruptedException {
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        up.await();
    }

    @BeforeEach
    void start() throws Exception {
        server = new FakeChatServer();
        config = tmp.resolve("config");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    ReplayViewModel newViewModel() {
        return new ReplayViewModel(new DirectTaskRunner(), () -> new EndpointProfiles(config.resolve("endpoints.json")));
    }

    @Test
    void endpointsAreSavedByVariableNameNeverByKey() throws Exception {
        ReplayViewModel vm = newViewModel();
        vm.reloadEndpoints();
        assertTrue(vm.endpoints().isEmpty());
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
                () -> vm.addEndpoint("cloud", EndpointKind.OPENAI, "https://api.openai.com/v1", "gpt-4o", "sk-live-0123456789abcdef"));
        assertTrue(key.getMessage().contains("NAME of an environment variable"), key.getMessage());
        assertFalse(Files.exists(config.resolve("endpoints.json")) && Files.readString(config.resolve("endpoints.json")).contains("sk-live"));

        vm.addEndpoint("local", EndpointKind.OPENAI, server.baseUrl(), "gpt-4o-mini", "");
        vm.addEndpoint("cloud", EndpointKind.ANTHROPIC, "https://api.anthropic.com", "claude-sonnet", "ANTHROPIC_API_KEY");
        assertEquals("cloud", vm.endpointProperty().get().name(), "the added endpoint is chosen");
        assertEquals(2, vm.endpoints().size());

        ReplayViewModel again = newViewModel();
        again.reloadEndpoints();
        assertEquals(List.of("local", "cloud"), again.endpoints().stream().map(p -> p.name()).toList(), "profiles outlive the screen");
        assertEquals("ANTHROPIC_API_KEY", again.endpoints().get(1).apiKeyEnv());
    }

    @Test
    void editsBuildThePlanTheCliReads() throws Exception {
        SmallCase sample = SmallCase.build(tmp);
        try (Case c = Cases.open(sample.dir)) {
            ReplayViewModel vm = newViewModel();
            vm.open(c);
            vm.select(sample.modelCall);
            assertEquals(3, vm.parts().size(), vm.contextSummaryProperty().get());
            assertEquals(List.of("system", "user", "tool"), vm.parts().stream().map(ContextPartRow::role).toList());
            assertTrue(vm.parts().get(2).part().text().contains(FakeChatServer.TRIGGER));
            assertTrue(vm.originalAnswerProperty().get().contains("→ send_email("), vm.originalAnswerProperty().get());

            vm.drop(2);
            vm.drop(2);
            assertEquals(1, vm.edits().size(), "dropping twice is one edit");
            assertEquals("dropped", vm.parts().get(2).editState());
            vm.neutralise(1, "my inbox", "my mail");
            assertEquals("neutralised ×1", vm.parts().get(1).editState());
            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> vm.neutralise(1, "not in there", ""));
            assertTrue(missing.getMessage().contains("is not in part #1"), missing.getMessage());
            vm.trialsProperty().set(4);
            assertTrue(vm.planJsonProperty().get().contains("\"op\" : \"remove\""), vm.planJsonProperty().get());
            assertTrue(vm.planJsonProperty().get().contains("\"find\" : \"my inbox\""), vm.planJsonProperty().get());

            Path file = tmp.resolve("plans/plan.json");
            vm.savePlan(file);
            ReplayPlan read = ReplayPlan.read(file);
            assertEquals(vm.plan(), read, "the saved plan reads back as the one on screen");
            assertEquals(sample.modelCall.eventId(), read.targetEventId());
            assertEquals(4, read.trialCount());
            assertEquals(2, read.edits().size());

            vm.removeEdit(vm.edits().get(1));
            assertEquals("", vm.parts().get(1).editState());
            assertFalse(vm.planJsonProperty().get().contains("my inbox"));
        }
    }

    @Test
    void droppingTheInjectionRunsBaselineAndEditedAndShowsBothRates() throws Exception {
        SmallCase sample = SmallCase.build(tmp);
        try (Case c = Cases.open(sample.dir)) {
            ReplayViewModel vm = newViewModel();
            vm.open(c);
            vm.addEndpoint("local", EndpointKind.OPENAI, server.baseUrl(), "gpt-4o-mini", null);
            vm.select(sample.modelCall);
            vm.drop(2);
            vm.trialsProperty().set(3);
            var task = vm.start();
            assertTrue(vm.runningProperty().get());
            task.run();
            assertNotNull(task.get().ablation());
            FxThread.waitUntil(() -> !vm.runningProperty().get(), 10_000);

            assertEquals(6, server.bodies.size(), "3 baseline + 3 edited trials");
            assertEquals(3, server.requestsContaining(FakeChatServer.TRIGGER), "only the baseline still carries the injection");
            assertEquals("With edits: reproduced 0/3 (95% Wilson interval 0.00–0.56)", FxThread.call(() -> vm.resultProperty().get()));
            assertEquals("Baseline: reproduced 3/3 (95% Wilson interval 0.44–1.00)", FxThread.call(() -> vm.baselineResultProperty().get()));
            assertTrue(FxThread.call(() -> vm.differenceProperty().get()).startsWith("Difference: -100 percentage points (3/3 → 0/3)"));
            List<TrialRow> rows = FxThread.call(() -> List.copyOf(vm.trialRows()));
            assertEquals(6, rows.size());
            assertEquals(List.of("yes", "yes", "yes", "no", "no", "no"), rows.stream().map(TrialRow::reproduced).toList());
            assertEquals("send_email", rows.getFirst().toolCalls());
            assertEquals("–", rows.getLast().toolCalls());
            assertEquals("no", rows.getLast().refusal());

            FxThread.run(() -> vm.selectedTrialProperty().set(rows.getLast()));
            List<WordDiff.Segment> diff = FxThread.call(() -> List.copyOf(vm.diff()));
            assertTrue(diff.stream().anyMatch(s -> s.kind() == WordDiff.Kind.REMOVED && s.text().contains("send_email")), diff.toString());
            assertTrue(diff.stream().anyMatch(s -> s.kind() == WordDiff.Kind.ADDED && s.text().contains("summary")), diff.toString());
            FxThread.run(() -> vm.selectedTrialProperty().set(rows.getFirst()));
            assertTrue(FxThread.call(() -> vm.diff().stream().noneMatch(s -> s.kind() == WordDiff.Kind.ADDED && s.text().contains("send_email"))),
                    "a reproducing trial's tool call matches the recorded one");

            assertEquals(2, c.audit().entries().stream().filter(e -> e.action().equals("replay")).count(), "baseline and edited run audited");
            assertEquals(2, c.documents().list("replay-runs").size());
            assertTrue(c.audit().entries().stream().filter(e -> e.action().equals("replay")).anyMatch(e -> e.details().contains("remove")),
                    "the edited run's audit entry names its edit");
        }
    }

    @Test
    void cancelStopsTheTrialsInFlightAndSkipsTheEditedRun() throws Exception {
        SmallCase sample = SmallCase.build(tmp);
        server.delayMillis = 20_000;
        try (Case c = Cases.open(sample.dir)) {
            ReplayViewModel vm = newViewModel();
            vm.open(c);
            vm.addEndpoint("slow", EndpointKind.OPENAI, server.baseUrl(), "gpt-4o-mini", null);
            vm.select(sample.modelCall);
            vm.drop(2);
            vm.trialsProperty().set(3);
            var task = vm.start();
            Thread worker = Thread.ofPlatform().start(task);
            FxThread.waitUntil(() -> !server.bodies.isEmpty(), 10_000);
            long cancelledAt = System.nanoTime();
            vm.cancel();
            worker.join(10_000);
            assertFalse(worker.isAlive(), "the run ends without waiting for the slow answers");
            assertTrue(System.nanoTime() - cancelledAt < 10_000_000_000L);
            FxThread.waitUntil(() -> !vm.runningProperty().get(), 10_000);
            assertTrue(FxThread.call(() -> vm.resultProperty().get()).contains("cancelled"), FxThread.call(() -> vm.resultProperty().get()));
            assertEquals("Cancelled before the edited run started.", FxThread.call(() -> vm.baselineResultProperty().get()));
            assertEquals(server.bodies.size(), server.requestsContaining(FakeChatServer.TRIGGER), "no edited trial was sent");
            assertEquals(1, c.audit().entries().stream().filter(e -> e.action().equals("replay")).count(), "the cancelled run is still recorded");
        }
    }

    @Test
    void aTrialCountOutOfRangeIsRefusedWithTheCliMessageInsteadOfClamped() throws Exception {
        SmallCase sample = SmallCase.build(tmp);
        try (Case c = Cases.open(sample.dir)) {
            ReplayViewModel vm = newViewModel();
            vm.open(c);
            vm.addEndpoint("local", EndpointKind.OPENAI, server.baseUrl(), "gpt-4o-mini", null);
            vm.select(sample.modelCall);
            Path planFile = tmp.resolve("plan.json");
            for (int n : new int[] {5000, 0, -2}) {
                vm.trialsProperty().set(n);
                String message = "Trials must be between 1 and 1000, not " + n; // the CLI's "-n must be …", named as on screen
                assertEquals(message, vm.trialsProblemProperty().get());
                assertEquals(message, assertThrows(IllegalArgumentException.class, vm::start).getMessage());
                assertFalse(vm.runningProperty().get(), "nothing started");
                assertEquals(message, assertThrows(IllegalArgumentException.class, () -> vm.savePlan(planFile)).getMessage());
                assertEquals("", vm.planJsonProperty().get(), "no plan is shown for a count that cannot run");
            }
            vm.trialsProperty().set(null);
            assertEquals("Trials must be a whole number between 1 and 1000", vm.trialsProblemProperty().get());
            assertThrows(IllegalArgumentException.class, vm::start);
            assertEquals(0, server.bodies.size(), "no request was sent");
            assertFalse(Files.exists(planFile));
            assertEquals(0, c.audit().entries().stream().filter(e -> e.action().equals("replay")).count());

            vm.trialsProperty().set(1000);
            assertEquals("", vm.trialsProblemProperty().get());
            assertEquals(1000, vm.plan().trialCount());
            assertTrue(vm.planJsonProperty().get().contains("\"trials\" : 1000"), vm.planJsonProperty().get());
        }
    }

    @Test
    void runningNeedsACallAndAnEndpoint() throws Exception {
        SmallCase sample = SmallCase.build(tmp);
        try (Case c = Cases.open(sample.dir)) {
            ReplayViewModel vm = newViewModel();
            vm.open(c);
            assertTrue(assertThrows(IllegalArgumentException.class, vm::start).getMessage().contains("Select a model call"));
            vm.select(sample.modelCall);
            assertTrue(assertThrows(IllegalArgumentException.class, vm::start).getMessage().contains("Choose an endpoint"));
            vm.select(sample.retrieval);
            assertEquals(sample.modelCall, vm.callProperty().get(), "a non-call event leaves the chosen call");
        }
    }
}
