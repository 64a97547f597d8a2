package dev.tracehound.replay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A model endpoint for tests: a JDK HttpServer on 127.0.0.1 (random port) that answers with scripted responses
 * (in order, then a fallback that may look at the request) and records every request it got, headers included.
 */
public final class FakeModelServer implements AutoCloseable {

    public record Reply(int status, Map<String, String> headers, byte[] body, long delayMillis) {
        public static Reply json(String body) {
            return new Reply(200, Map.of("content-type", "application/json"), body.getBytes(StandardCharsets.UTF_8), 0);
        }

        public static Reply sse(String body) {
            return new Reply(200, Map.of("content-type", "text/event-stream"), body.getBytes(StandardCharsets.UTF_8), 0);
        }

        public static Reply status(int status, Map<String, String> headers, String body) {
            return new Reply(status, headers, body.getBytes(StandardCharsets.UTF_8), 0);
        }

        public Reply delayed(long millis) {
            return new Reply(status, headers, body, millis);
        }
    }

    public record Received(String method, String path, Map<String, List<String>> headers, String body, long atNanos) {
        public String header(String name) {
            for (var e : headers.entrySet()) if (e.getKey().equalsIgnoreCase(name)) return e.getValue().getFirst();
            return null;
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Reply> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger toolEndpointHits = new AtomicInteger();
    private volatile Function<String, Reply> fallback = body -> Reply.status(500, Map.of(), "{\"error\":{\"message\":\"no scripted reply\"}}");

    public FakeModelServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/tool", ex -> {
            // Stands for a real tool (an HTTP API an agent could call). Replay must never reach it.
            toolEndpointHits.incrementAndGet();
            respond(ex, Reply.json("{}"));
        });
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public FakeModelServer enqueue(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    public FakeModelServer otherwise(Function<String, Reply> f) {
        this.fallback = f;
        return this;
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public int toolEndpointHits() {
        return toolEndpointHits.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(ex.getRequestMethod(), ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()), body, System.nanoTime()));
        Reply r = script.pollFirst();
        if (r == null) r = fallback.apply(body);
        if (r.delayMillis() > 0) {
            try {
                Thread.sleep(r.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        respond(ex, r);
    }

    private static void respond(HttpExchange ex, Reply r) throws IOException {
        r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        try {
            ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
            if (r.body().length > 0) try (OutputStream os = ex.getResponseBody()) { os.write(r.body()); }
        } catch (IOException clientGone) {
            // the client timed out and hung up; nothing to do
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
