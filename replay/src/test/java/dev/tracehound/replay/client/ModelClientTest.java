package dev.tracehound.replay.client;

import static dev.tracehound.replay.FakeModelServer.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.replay.FakeModelServer;
import dev.tracehound.replay.Fixtures;
import dev.tracehound.replay.compare.JsonDiff;
import dev.tracehound.replay.endpoint.ApiKeys;
import dev.tracehound.replay.endpoint.EndpointKind;
import dev.tracehound.replay.endpoint.EndpointProfile;
import dev.tracehound.replay.wire.Sampling;
import dev.tracehound.replay.wire.WireRequest;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelClientTest {
    static final String KEY = "sk-test-DO-NOT-STORE-1234567890";
    FakeModelServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeModelServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    ModelClient client(EndpointKind kind, int timeoutSeconds, RetryPolicy retry) {
        EndpointProfile p = new EndpointProfile("t", kind, server.baseUrl() + (kind == EndpointKind.OPENAI ? "/v1" : ""), "gpt-4o-mini", "TEST_KEY",
                timeoutSeconds, 2, 0, retry.maxRetries());
        return new ModelClient(p, ApiKeys.of(Map.of("TEST_KEY", KEY)), HttpClient.newHttpClient(), retry, Clock.systemUTC());
    }

    WireRequest request(ModelClient c) {
        return c.format().build(Fixtures.injectedRagCall(), "gpt-4o-mini", Sampling.DEFAULTS, false);
    }

    static String body(JsonNode interaction) {
        return interaction.get("response").get("body").get("string").asText();
    }

    @Test
    void readsTheRecordedOpenAiToolCallResponseServedVerbatim() throws Exception {
        JsonNode interactions = Fixtures.cassette("otelcontrib_test_chat_completion_tool_calls_with_content.yaml");
        server.enqueue(Reply.json(body(interactions.get(0))), Reply.json(body(interactions.get(1))));
        ModelClient c = client(EndpointKind.OPENAI, 5, RetryPolicy.standard(0));

        Exchange first = c.send(request(c));
        assertTrue(first.ok(), first.error());
        assertEquals("gpt-4o-mini-2024-07-18", first.reply().modelId());
        assertEquals("tool_calls", first.reply().finishReason());
        assertEquals(2, first.reply().toolCalls().size());
        assertEquals("call_JpNb8OiAkbIbHzDggfpdDHpi", first.reply().toolCalls().get(0).id());
        assertEquals("get_current_weather", first.reply().toolCalls().get(1).name());
        assertTrue(JsonDiff.alike("{\"location\":\"San Francisco, CA\"}", first.reply().toolCalls().get(1).argumentsJson()));
        assertEquals(75L, first.reply().usage().inputTokens());
        assertEquals(51L, first.reply().usage().outputTokens());
        assertEquals(body(interactions.get(0)), new String(first.responseBody(), StandardCharsets.UTF_8), "response bytes kept as received");

        Exchange second = c.send(request(c));
        assertTrue(second.reply().text().startsWith("Today, the weather in Seattle is 50 degrees"));
        assertEquals(99L, second.reply().usage().inputTokens());

        var got = server.received().getFirst();
        assertEquals("/v1/chat/completions", got.path());
        assertEquals("Bearer " + KEY, got.header("authorization"), "the key reaches the server");
        assertFalse(first.requestHeaders().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("authorization")), "but is not in the exchange");
        assertFalse(new String(first.requestBody(), StandardCharsets.UTF_8).contains(KEY));
    }

    @Test
    void streamsAnthropicSseAndOllamaNdjsonThroughTheClient() throws Exception {
        server.enqueue(Reply.sse(Fixtures.resource("provider-docs/anthropic-tool-use-stream.sse")));
        ModelClient a = client(EndpointKind.ANTHROPIC, 5, RetryPolicy.standard(0));
        Exchange e = a.send(a.format().build(Fixtures.injectedRagCall(), "claude-3-haiku-20240307", Sampling.DEFAULTS, true));
        assertTrue(e.ok(), e.error());
        assertEquals("get_weather", e.reply().toolCalls().getFirst().name());
        assertEquals("text/event-stream", server.received().getFirst().header("accept"));
        assertTrue(server.received().getFirst().body().contains("\"stream\":true"));

        server.enqueue(new Reply(200, Map.of("content-type", "application/x-ndjson"),
                Fixtures.resource("provider-docs/ollama-stream.ndjson").getBytes(StandardCharsets.UTF_8), 0));
        ModelClient o = client(EndpointKind.OLLAMA, 5, RetryPolicy.standard(0));
        Exchange s = o.send(o.format().build(Fixtures.injectedRagCall(), "llama3.2", Sampling.DEFAULTS, true));
        assertEquals("The sky is blue because of Rayleigh scattering.", s.reply().text());
        assertEquals("/api/chat", server.received().get(1).path());
    }

    @Test
    void recorded404BecomesAClearFailedExchange() throws Exception {
        JsonNode interaction = Fixtures.cassette("otelcontrib_test_chat_completion_404.yaml").get(0);
        server.enqueue(Reply.status(404, Map.of("content-type", "application/json"), body(interaction)));
        ModelClient c = client(EndpointKind.OPENAI, 5, RetryPolicy.standard(3));
        Exchange e = c.send(request(c));
        assertFalse(e.ok());
        assertEquals(404, e.status());
        assertEquals("HTTP 404: The model `this-model-does-not-exist` does not exist or you do not have access to it.", e.error());
        assertEquals(1, e.attempts(), "a 404 is not retried");
    }

    @Test
    void aKeyTheProviderEchoesBackIsRemovedBeforeAnythingKeepsIt() throws Exception {
        // OpenAI's 401 names the rejected key; the exchange is stored in the case and its error printed
        server.enqueue(Reply.status(401, Map.of("content-type", "application/json"),
                "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + ". You can find your API key at ...\"}}"));
        ModelClient c = client(EndpointKind.OPENAI, 5, RetryPolicy.standard(0));
        Exchange e = c.send(request(c));
        assertFalse(e.ok());
        assertEquals("HTTP 401: Incorrect API key provided: [key from $TEST_KEY removed]. You can find your API key at ... "
                + "(check the key in $TEST_KEY)", e.error());
        String stored = new String(e.responseBody(), java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(stored.contains(KEY), stored);
        assertTrue(stored.contains("[key from $TEST_KEY removed]"), stored);
        assertEquals("Bearer " + KEY, server.received().get(0).header("authorization"), "the key was sent");
    }

    @Test
    void honoursRetryAfterSecondsOn429() throws Exception {
        server.enqueue(Reply.status(429, Map.of("retry-after", "1"), "{\"error\":{\"message\":\"slow down\"}}"),
                Reply.json(Fixtures.resource("provider-docs/anthropic-tool-use.json")));
        ModelClient c = client(EndpointKind.ANTHROPIC, 5, new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(10)));
        Exchange e = c.send(request(c));
        assertTrue(e.ok(), e.error());
        assertEquals(2, e.attempts());
        var reqs = server.received();
        long waitedMillis = (reqs.get(1).atNanos() - reqs.get(0).atNanos()) / 1_000_000;
        assertTrue(waitedMillis >= 950, "waited " + waitedMillis + " ms, Retry-After asked for 1 s");
        assertTrue(e.waits().getFirst().contains("Retry-After"), e.waits().toString());
        assertEquals(KEY, reqs.get(1).header("x-api-key"));
        assertEquals("2023-06-01", reqs.get(1).header("anthropic-version"));
    }

    @Test
    void retriesA500WithBackoffThenSucceeds() throws Exception {
        server.enqueue(Reply.status(500, Map.of(), "{\"error\":{\"message\":\"boom\"}}"),
                Reply.status(503, Map.of(), ""),
                Reply.json(Fixtures.resource("provider-docs/ollama-tool-call.json")));
        ModelClient c = client(EndpointKind.OLLAMA, 5, new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10)));
        Exchange e = c.send(request(c));
        assertTrue(e.ok(), e.error());
        assertEquals(3, e.attempts());
        var reqs = server.received();
        assertTrue((reqs.get(1).atNanos() - reqs.get(0).atNanos()) / 1_000_000 >= 95, "first backoff 100 ms");
        assertTrue((reqs.get(2).atNanos() - reqs.get(1).atNanos()) / 1_000_000 >= 195, "second backoff 200 ms");
        assertEquals("Bearer " + KEY, reqs.get(0).header("authorization"), "an Ollama profile with a key variable sends it as a bearer token");
    }

    @Test
    void givesUpAfterMaxRetriesWithTheProviderMessage() throws Exception {
        server.otherwise(b -> Reply.status(500, Map.of(), "{\"error\":{\"message\":\"overloaded\"}}"));
        ModelClient c = client(EndpointKind.OPENAI, 5, new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofSeconds(10)));
        Exchange e = c.send(request(c));
        assertEquals("HTTP 500: overloaded (after 3 attempts)", e.error());
        assertEquals(3, server.received().size());
    }

    @Test
    void timeoutIsAClearError() throws Exception {
        server.enqueue(Reply.json(Fixtures.resource("provider-docs/ollama-tool-call.json")).delayed(2500));
        ModelClient c = client(EndpointKind.OLLAMA, 1, RetryPolicy.standard(3));
        long t0 = System.nanoTime();
        Exchange e = c.send(request(c));
        long took = (System.nanoTime() - t0) / 1_000_000;
        assertFalse(e.ok());
        assertTrue(e.error().contains("within 1 s"), e.error());
        assertTrue(took < 2400, "gave up at the timeout, not when the server answered: " + took + " ms");
    }

    @Test
    void malformedJsonAndEmptyBodyAreFailedExchangesNotCrashes() throws Exception {
        server.enqueue(Reply.json("{\"choices\": [ {\"message\": "), Reply.json(""));
        ModelClient c = client(EndpointKind.OPENAI, 5, RetryPolicy.standard(0));
        Exchange bad = c.send(request(c));
        assertTrue(bad.error().startsWith("malformed JSON in OpenAI chat completion"), bad.error());
        assertEquals(200, bad.status());
        Exchange empty = c.send(request(c));
        assertTrue(empty.error().contains("empty body"), empty.error());
    }

    @Test
    void missingKeyVariableFailsBeforeSending() throws Exception {
        EndpointProfile p = EndpointProfile.of("t", EndpointKind.OPENAI, server.baseUrl(), "m", "UNSET_VARIABLE_FOR_TEST");
        ModelClient c = new ModelClient(p, ApiKeys.of(Map.of()));
        Exchange e = c.send(request(c));
        assertTrue(e.error().contains("$UNSET_VARIABLE_FOR_TEST, which is not set"), e.error());
        assertEquals(0, server.received().size());
    }

    @Test
    void retryAfterParsesSecondsAndHttpDates() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
        assertEquals(Duration.ofSeconds(3), RetryAfter.parse("3", clock).orElseThrow());
        assertEquals(Duration.ofMillis(250), RetryAfter.parse("0.25", clock).orElseThrow());
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.parse("2026-11-23T12:00:07Z"));
        assertEquals(Duration.ofSeconds(7), RetryAfter.parse(date, clock).orElseThrow());
        assertEquals(Duration.ZERO, RetryAfter.parse("Mon, 23 Nov 2026 11:00:00 GMT", clock).orElseThrow());
        assertTrue(RetryAfter.parse("soon", clock).isEmpty());
    }

    @Test
    void rateLimitSpacesRequests() throws Exception {
        RateLimiter limiter = new RateLimiter(600); // one every 100 ms
        long t0 = System.nanoTime();
        for (int i = 0; i < 4; i++) limiter.acquire();
        long took = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(took >= 290, "4 requests at 600/min need at least 300 ms, took " + took);
    }
}
