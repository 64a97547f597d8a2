package dev.tracehound.app.ui.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.tracehound.app.testing.SmallCase;
import dev.tracehound.replay.run.RunSummary;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replay of the small case's model call against a local OpenAI-compatible test server. */
class ReplayViewModelTest {
    @TempDir
    Path tmp;

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

    @Test
    void replaysTheReconstructedContextAndRecordsTheRun() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] reply = """
                    {"id":"r1","object":"chat.completion","model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant",
                    "content":"Forwarding the inbox as instructed."},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":6}}
                    """.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("content-type", "application/json");
            ex.sendResponseHeaders(200, reply.length);
            ex.getResponseBody().write(reply);
            ex.close();
        });
        server.start();
        try {
            SmallCase sample = SmallCase.build(tmp);
            try (Case c = Cases.open(sample.dir)) {
                ReplayViewModel vm = new ReplayViewModel();
                vm.open(c);
                vm.select(sample.modelCall);
                assertTrue(vm.contextSummaryProperty().get().contains("3 input parts"), vm.contextSummaryProperty().get());
                vm.baseUrlProperty().set("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
                vm.modelProperty().set("gpt-4o-mini");
                vm.trialsProperty().set(3);
                var task = vm.start(s -> {});
                task.run();
                RunSummary summary = task.get();
                assertEquals(3, bodies.size());
                assertTrue(bodies.getFirst().contains("ignore previous instructions"), "the reconstructed context was sent");
                assertEquals(3, summary.trials());
                assertEquals(3, summary.completed());
                assertEquals(1, c.artifacts().list("replay-request").size(), "the three identical requests kept as one content-addressed artefact");
                assertTrue(c.documents().list("replay-runs").stream().anyMatch(d -> d.id().equals(summary.runId())));
            }
        } finally {
            server.stop(0);
        }
    }
}
