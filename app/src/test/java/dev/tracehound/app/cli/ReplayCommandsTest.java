package dev.tracehound.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.tracehound.importers.run.ImportRun;
import dev.tracehound.replay.endpoint.EndpointProfiles;
import dev.tracehound.timeline.context.ContextPart;
import dev.tracehound.timeline.context.ModelContext;
import dev.tracehound.timeline.context.TimelineContextReconstructor;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** endpoints, replay, replay-chain and export-regression over a real case holding a real ASB run, against a local fake model. */
class ReplayCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    record Run(int code, String out, String err) {}

    HttpServer server;
    volatile String reply;
    volatile String lastBody = "";
    final AtomicInteger requests = new AtomicInteger();
    @TempDir Path tmp;

    @BeforeEach
    void start() throws Exception {
        System.setProperty(EndpointProfiles.CONFIG_DIR_PROPERTY, tmp.resolve("config").toString());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            lastBody = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.incrementAndGet();
            byte[] body = reply.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("content-type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream os = ex.getResponseBody()) { os.write(body); }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        System.clearProperty(EndpointProfiles.CONFIG_DIR_PROPERTY);
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** An OpenAI reply making exactly the calls given. */
    static String replyWith(List<ContextPart.ToolCall> calls, String text) {
        ObjectNode root = JSON.createObjectNode().put("model", "fake-model-1");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", calls.isEmpty() ? "stop" : "tool_calls");
        ObjectNode msg = choice.putObject("message").put("role", "assistant").put("content", text);
        if (!calls.isEmpty()) {
            ArrayNode tc = msg.putArray("tool_calls");
            for (ContextPart.ToolCall c : calls) tc.addObject().put("id", c.id()).put("type", "function")
                    .putObject("function").put("name", c.name()).put("arguments", c.argumentsJson());
        }
        root.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5);
        return root.toString();
    }

    @Test
    void endpointsAddListTestAndTheirErrors() throws Exception {
        reply = replyWith(List.of(), "ok");
        Run add = cli("endpoints", "add", "fake", "--kind", "openai", "--url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "--model", "gpt-4o-mini", "--concurrency", "2", "--rpm", "600");
        assertEquals(0, add.code(), add.err());
        assertTrue(add.out().contains("saved endpoint fake"), add.out());
        JsonNode list = JSON.readTree(cli("endpoints", "list", "--json").out());
        assertEquals("fake", list.get(0).get("name").asText());
        assertEquals(600, list.get(0).get("requestsPerMinute").asInt());
        assertTrue(cli("endpoints", "list").out().contains("fake"));

        Run test = cli("endpoints", "test", "fake");
        assertEquals(0, test.code(), test.err());
        assertTrue(test.out().matches("(?s)fake: ok in \\d+ ms, model fake-model-1, replied \"ok\".*"), test.out());

        Run keyInsteadOfName = cli("endpoints", "add", "bad", "--kind", "openai", "--url", "https://api.openai.com/v1", "--model", "m",
                "--api-key-env", "sk-live-0123456789abcdef");
        assertEquals(2, keyInsteadOfName.code());
        assertTrue(keyInsteadOfName.err().contains("takes the NAME of an environment variable"), keyInsteadOfName.err());
        assertFalse(Files.readString(tmp.resolve("config/endpoints.json")).contains("sk-live"), "a rejected key is not written");

        Run missingKey = cli("endpoints", "add", "needs-key", "--kind", "anthropic", "--url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "--model", "claude", "--api-key-env", "TRACEHOUND_TEST_UNSET_VARIABLE");
        assertEquals(0, missingKey.code());
        Run failed = cli("endpoints", "test", "needs-key", "--json");
        assertEquals(1, failed.code());
        assertTrue(JSON.readTree(failed.out()).get("error").asText().contains("$TRACEHOUND_TEST_UNSET_VARIABLE, which is not set"));
        assertEquals(2, cli("endpoints", "test", "nope").code());
    }

    @Test
    void impossibleTrialsAndSamplingAreRefusedBeforeAnythingRuns() throws Exception {
        Path plan = Files.writeString(tmp.resolve("plan.json"), "{\"trials\": 3, \"sampling\": {\"topP\": 2}}");
        String[][] refused = {
            {"-n", "0"}, {"-n", "1000000"}, {"--temperature", "99"}, {"--temperature", "-1"}, {"--max-tokens", "-5"}, {"--plan", plan.toString()}};
        String[] messages = {
            "-n must be between 1 and 1000, not 0", "-n must be between 1 and 1000, not 1000000",
            "--temperature must be between 0 and 2, not 99", "--temperature must be between 0 and 2, not -1",
            "--max-tokens must be at least 1, not -5", "plan " + plan + ": sampling.topP must be between 0 and 1, not 2"};
        for (int i = 0; i < refused.length; i++) {
            List<String> args = new java.util.ArrayList<>(List.of("replay", "--case", tmp.resolve("no-case").toString(), "--event", "e", "--profile", "fake"));
            args.addAll(List.of(refused[i]));
            Run r = cli(args.toArray(String[]::new));
            assertEquals(2, r.code(), r.out() + r.err());
            assertEquals("tracehound: " + messages[i], r.err().strip());
        }
        assertEquals(0, requests.get());
    }

    @Test
    void aTemperatureAnthropicRefusesIsRefusedBeforeAnythingIsSent() throws Exception {
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        assertEquals(0, cli("endpoints", "add", "claude", "--kind", "anthropic", "--url", url, "--model", "claude-sonnet").code());
        Path plan = Files.writeString(tmp.resolve("plan.json"), "{\"sampling\": {\"temperature\": 1.2}}");
        List<String> replay = List.of("replay", "--case", tmp.resolve("no-case").toString(), "--event", "e", "--profile", "claude");

        Run option = cli(concat(replay, "--temperature", "1.5"));
        assertEquals(2, option.code(), option.out() + option.err());
        assertEquals("tracehound: --temperature must be between 0 and 1 for anthropic endpoints, not 1.5", option.err().strip());
        Run fromPlan = cli(concat(replay, "--plan", plan.toString()));
        assertEquals(2, fromPlan.code(), fromPlan.out() + fromPlan.err());
        assertEquals("tracehound: plan " + plan + ": sampling.temperature must be between 0 and 1 for anthropic endpoints, not 1.2",
                fromPlan.err().strip());
        assertEquals(0, requests.get(), "nothing was sent");

        // the option overrides the plan, so an allowed --temperature makes the plan's 1.2 moot: the run goes on to the case
        Run overridden = cli(concat(replay, "--plan", plan.toString(), "--temperature", "0.7"));
        assertTrue(overridden.err().contains("There is no case at"), overridden.err());
        assertEquals(0, cli("endpoints", "add", "local", "--kind", "openai", "--url", url, "--model", "gpt-4o-mini").code());
        Run openAi = cli("replay", "--case", tmp.resolve("no-case").toString(), "--event", "e", "--profile", "local", "--temperature", "1.5");
        assertTrue(openAi.err().contains("There is no case at"), "OpenAI-compatible endpoints keep 0 to 2: " + openAi.err());

        List<String> chain = List.of("replay-chain", "--case", tmp.resolve("no-case").toString(), "--session", "s");
        Run chainOnClaude = cli(concat(chain, "--profile", "claude", "--temperature", "1.5"));
        assertEquals(2, chainOnClaude.code(), chainOnClaude.out() + chainOnClaude.err());
        assertEquals("tracehound: --temperature must be between 0 and 1 for anthropic endpoints, not 1.5", chainOnClaude.err().strip());
        Run chainBelowZero = cli(concat(chain, "--profile", "claude", "--temperature", "-0.1"));
        assertEquals("tracehound: --temperature must be between 0 and 1 for anthropic endpoints, not -0.1", chainBelowZero.err().strip());
        Run replayBelowZero = cli(concat(replay, "--temperature", "-0.1"));
        assertEquals("tracehound: --temperature must be between 0 and 1 for anthropic endpoints, not -0.1", replayBelowZero.err().strip());
        Run chainTooHot = cli(concat(chain, "--profile", "local", "--temperature", "2.5"));
        assertEquals("tracehound: --temperature must be between 0 and 2 for openai endpoints, not 2.5", chainTooHot.err().strip());
        Run chainOnOpenAi = cli(concat(chain, "--profile", "local", "--temperature", "1.5"));
        assertTrue(chainOnOpenAi.err().contains("There is no case at"), chainOnOpenAi.err());
        assertEquals(0, requests.get(), "nothing was sent");
    }

    @Test
    void replayChainRefusesAStepLimitOutOfRange() {
        for (String steps : List.of("0", "-3", "1001", "1000000")) {
            Run r = cli("replay-chain", "--case", tmp.resolve("no-case").toString(), "--session", "s", "--profile", "fake", "--max-steps", steps);
            assertEquals(2, r.code(), r.out() + r.err());
            assertEquals("tracehound: --max-steps must be between 1 and 1000, not " + steps, r.err().strip());
        }
        assertTrue(cli("replay-chain", "--help").out().contains("1 to 1000 (default: 25)"), "the range is in the help");
        assertEquals(0, requests.get());
    }

    static String[] concat(List<String> head, String... tail) {
        List<String> all = new java.util.ArrayList<>(head);
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    @Test
    void replayAblateChainAndExportOverARealCase() throws Exception {
        Path dir = tmp.resolve("case");
        ModelContext target;
        try (Case c = Cases.create(dir, "asb")) {
            new ImportRun(c, List.of(Path.of("src/test/resources/eval-corpus/asb/asb-indirect-injection.jsonl")), "chat", null).run();
            var rec = new TimelineContextReconstructor(c.events());
            target = c.events().sessions().stream().flatMap(s -> rec.contextsOf(s.sessionId()).stream())
                    .filter(x -> x.output().stream().anyMatch(p -> !p.toolCalls().isEmpty()))
                    .findFirst().orElseThrow(() -> new AssertionError("no model call with tool calls in the ASB sample"));
        }
        List<ContextPart.ToolCall> originalCalls = target.output().stream().flatMap(p -> p.toolCalls().stream()).toList();
        reply = replyWith(originalCalls, null);
        int port = server.getAddress().getPort();
        assertEquals(0, cli("endpoints", "add", "fake", "--kind", "openai", "--url", "http://127.0.0.1:" + port, "--model", "gpt-4o-mini").code());

        Run replay = cli("replay", "--case", dir.toString(), "--event", target.callEventId(), "--profile", "fake", "-n", "3", "--json");
        assertEquals(0, replay.code(), replay.err());
        JsonNode summary = JSON.readTree(replay.out());
        assertEquals(3, summary.get("rate").get("reproduced").asInt(), replay.out());
        assertEquals(3, summary.get("completed").asInt());
        assertTrue(replay.err().contains("estimate: characters/4"), "token estimate shown before starting (stderr in --json mode): " + replay.err());

        Run human = cli("replay", "--case", dir.toString(), "--event", target.callEventId(), "--profile", "fake", "-n", "2", "--temperature", "1.3", "--seed", "11");
        assertEquals(0, human.code(), human.err());
        assertTrue(human.out().contains("reproduced 2/2 (95% Wilson interval 0.34–1.00)"), human.out());
        assertTrue(human.out().contains("TRIAL"), human.out());
        assertTrue(lastBody.contains("\"temperature\":1.3") && lastBody.contains("\"seed\":11"), lastBody);

        // Ablation: drop the last input part; the fake model still calls the tools, so the difference is 0.
        Path plan = tmp.resolve("plan.json");
        Files.writeString(plan, "{\"trials\": 2, \"edits\": [{\"op\": \"remove\", \"target\": {\"index\": " + (target.input().size() - 1) + "}}]}");
        Run ablate = cli("replay", "--case", dir.toString(), "--event", target.callEventId(), "--profile", "fake", "--plan", plan.toString(), "--json");
        assertEquals(0, ablate.code(), ablate.err());
        JsonNode report = JSON.readTree(ablate.out());
        assertEquals(2, report.get("baseline").get("trials").asInt());
        assertEquals(1, report.get("edited").get("edits").size());
        assertEquals(0.0, report.get("difference").asDouble(), 1e-9);

        Run unknown = cli("replay", "--case", dir.toString(), "--event", "no-such-event", "--profile", "fake");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("no model call with event id no-such-event"), unknown.err());

        reply = replyWith(List.of(new ContextPart.ToolCall("x1", "wipe_disk", "{\"all\":true}")), null);
        int before = requests.get();
        Run chain = cli("replay-chain", "--case", dir.toString(), "--session", target.sessionId(), "--profile", "fake", "--json");
        assertEquals(0, chain.code(), chain.err());
        JsonNode chainReport = JSON.readTree(chain.out());
        assertEquals("wipe_disk", chainReport.get("divergence").get("toolName").asText());
        assertEquals(1, chainReport.get("divergence").get("step").asInt());
        assertEquals(0, chainReport.get("toolsExecuted").asInt());
        assertEquals(before + 1, requests.get(), "one model request, then stop");

        Path yaml = tmp.resolve("out/regression.yaml");
        Run export = cli("export-regression", "--case", dir.toString(), "--event", target.callEventId(), "--format", "promptfoo", "--out", yaml.toString());
        assertEquals(0, export.code(), export.err());
        JsonNode config = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(yaml.toFile());
        assertEquals("javascript", config.get("tests").get(0).get("assert").get(0).get("type").asText());
        assertTrue(config.get("tests").get(0).get("assert").get(0).get("value").asText().contains(originalCalls.getFirst().name()));
        Path jsonl = tmp.resolve("out/regression.jsonl");
        assertEquals(0, cli("export-regression", "--case", dir.toString(), "--event", target.callEventId(), "--format", "jsonl", "--out", jsonl.toString()).code());
        assertEquals(originalCalls.getFirst().name(), JSON.readTree(Files.readString(jsonl)).get("not_expected").get("tool_calls").get(0).asText());
        assertEquals(2, cli("export-regression", "--case", dir.toString(), "--event", target.callEventId(), "--format", "csv", "--out", jsonl.toString()).code());

        try (Case c = Cases.open(dir)) {
            assertEquals(4, c.audit().entries().stream().filter(e -> e.action().equals("replay")).count(), "2 runs + baseline and edited of the ablation");
            assertEquals(1, c.audit().entries().stream().filter(e -> e.action().equals("replay-chain")).count());
            List<JsonNode> regressions = new java.util.ArrayList<>();
            for (var e : c.audit().entries()) if (e.action().equals("export-regression")) regressions.add(JSON.readTree(e.details()));
            assertEquals(2, regressions.size());
            // each entry proves what left the case: the hash and size of the file as written
            assertEquals(dev.tracehound.app.export.CaseOutputs.sha256(jsonl), regressions.get(1).get("sha256").asText());
            assertEquals(Files.size(yaml), regressions.get(0).get("size").asLong());
            assertEquals(yaml.toAbsolutePath().toString(), regressions.get(0).get("out").asText());
            assertEquals(5, c.documents().list("replay-runs").size());
        }

        // a key variable that is not set: one line before anything runs, no run recorded
        assertEquals(0, cli("endpoints", "add", "keyed", "--kind", "openai", "--url", "http://127.0.0.1:" + port, "--model", "m",
                "--api-key-env", "TRACEHOUND_TEST_UNSET_VARIABLE").code());
        int sent = requests.get();
        Run noKey = cli("replay", "--case", dir.toString(), "--event", target.callEventId(), "--profile", "keyed", "-n", "2");
        assertEquals(2, noKey.code());
        assertTrue(noKey.err().startsWith("tracehound: endpoint keyed reads its key from $TRACEHOUND_TEST_UNSET_VARIABLE, which is not set"), noKey.err());
        assertEquals(sent, requests.get());

        // an endpoint that answers garbage: the run is kept, but the command says no trial completed
        reply = "<html>502 Bad Gateway</html>";
        Run garbage = cli("replay", "--case", dir.toString(), "--event", target.callEventId(), "--profile", "fake", "-n", "2");
        assertEquals(2, garbage.code(), garbage.out());
        assertTrue(garbage.err().contains("no trial of run ") && garbage.err().contains("completed (2 failed"), garbage.err());
        assertTrue(garbage.out().contains("TRIAL"), "the trials' errors are still listed: " + garbage.out());
        try (Case c = Cases.open(dir)) {
            assertEquals(6, c.documents().list("replay-runs").size());
        }
        Run chainOnGarbage = cli("replay-chain", "--case", dir.toString(), "--session", target.sessionId(), "--profile", "fake");
        assertEquals(2, chainOnGarbage.code(), "a chain whose request failed did not run: " + chainOnGarbage.out());
        assertTrue(chainOnGarbage.out().contains("step 1: failed:"), chainOnGarbage.out());
    }
}
